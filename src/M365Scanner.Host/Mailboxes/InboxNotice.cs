namespace M365Scanner.Host.Mailboxes;

/// <summary>A notice the scanner puts in a user's Inbox: its own message from the organisation, never a copy of another.</summary>
/// <param name="InternetMessageId">Its Message-ID, without angle brackets, derived from what it is about so that a run
/// which stopped after creating it finds it again.</param>
/// <param name="About">What it is about, kept in the scanner's own-message marker (so nothing scans it).</param>
/// <param name="HtmlBody">The body, every untrusted part already HTML-encoded.</param>
/// <param name="At">Its received time.</param>
public sealed record InboxNotice(string InternetMessageId, string About, string FromName, string FromAddress, string Subject, string HtmlBody,
    DateTimeOffset At);
