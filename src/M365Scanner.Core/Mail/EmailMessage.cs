namespace M365Scanner.Core.Mail;

/// <summary>
/// A delivered message as the core sees it, whatever it came from (an .eml file through MimeKit, or a
/// Microsoft Graph message). Only what scoring and remediation need; everything is optional because
/// real mail omits anything it can.
/// </summary>
public sealed record EmailMessage
{
    public string? InternetMessageId { get; init; }
    public string? Subject { get; init; }

    /// <summary>The From: author shown to the reader.</summary>
    public EmailAddress? From { get; init; }

    /// <summary>The Sender: header (the submitting mailbox when it differs from From).</summary>
    public EmailAddress? Sender { get; init; }

    public IReadOnlyList<EmailAddress> ReplyTo { get; init; } = [];
    public IReadOnlyList<EmailAddress> To { get; init; } = [];
    public IReadOnlyList<EmailAddress> Cc { get; init; } = [];
    public IReadOnlyList<EmailAddress> Bcc { get; init; } = [];

    /// <summary>The Date: header (when the author sent it).</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>When the mailbox received it (Graph's receivedDateTime); null for .eml input, where the
    /// top Received: header is the best evidence and <see cref="SentAt"/> the usual stand-in.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    public string? InReplyTo { get; init; }
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Raw values of every Authentication-Results (and ARC-Authentication-Results) header, top first.</summary>
    public IReadOnlyList<string> AuthenticationResults { get; init; } = [];

    /// <summary>All header fields in order, for signals that need one this model does not lift out.</summary>
    public IReadOnlyList<MessageHeader> Headers { get; init; } = [];

    public string? HtmlBody { get; init; }
    public string? TextBody { get; init; }
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    /// <summary>The best date for ordering: received if known, else sent.</summary>
    public DateTimeOffset? EffectiveDate => ReceivedAt ?? SentAt;

    /// <summary>Everyone the message was addressed to (To, Cc, Bcc), in that order.</summary>
    public IEnumerable<EmailAddress> AllRecipients => To.Concat(Cc).Concat(Bcc);
}
