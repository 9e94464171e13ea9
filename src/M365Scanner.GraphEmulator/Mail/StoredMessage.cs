using System.Collections.Immutable;

namespace M365Scanner.GraphEmulator.Mail;

/// <summary>One message as the emulator keeps it. Immutable: a change replaces the record under the mailbox lock,
/// so readers can serialise a record they hold without locking.</summary>
public sealed record StoredMessage
{
    public required string Id { get; init; }
    public required string FolderId { get; init; }
    public required string ChangeKey { get; init; }
    /// <summary>Mailbox-wide sequence number of the last change; delta tokens are built from it.</summary>
    public long Sequence { get; init; }
    public DateTimeOffset CreatedDateTime { get; init; }
    public DateTimeOffset LastModifiedDateTime { get; init; }
    public DateTimeOffset ReceivedDateTime { get; init; }
    public DateTimeOffset SentDateTime { get; init; }
    public string? Subject { get; init; }
    public Recipient? From { get; init; }
    public Recipient? Sender { get; init; }
    public ImmutableArray<Recipient> ToRecipients { get; init; } = [];
    public ImmutableArray<Recipient> CcRecipients { get; init; } = [];
    public ImmutableArray<Recipient> BccRecipients { get; init; } = [];
    public ImmutableArray<Recipient> ReplyTo { get; init; } = [];
    public string? InternetMessageId { get; init; }
    public ImmutableArray<KeyValuePair<string, string>> InternetMessageHeaders { get; init; } = [];
    public MessageBody Body { get; init; } = new("text", "");
    public string Importance { get; init; } = "normal";
    public bool IsRead { get; init; }
    public bool IsDraft { get; init; }
    public ImmutableArray<string> Categories { get; init; } = [];
    public string FlagStatus { get; init; } = "notFlagged";
    public required string ConversationId { get; init; }
    public ImmutableArray<StoredAttachment> Attachments { get; init; } = [];
    public ImmutableArray<ExtendedProperty> ExtendedProperties { get; init; } = [];
    /// <summary>The original MIME when the message came from MIME; null when created from JSON (generated on demand).</summary>
    public byte[]? Mime { get; init; }

    public bool HasAttachments => Attachments.Any(a => !a.IsInline);
}
