namespace M365Scanner.Graph.Mail;

/// <summary>A notification the scanner puts in a mailbox's Inbox as received mail (not a draft), from the
/// organisation to the user: its own message, never a copy of another.</summary>
/// <param name="InternetMessageId">The notice's Message-ID, without angle brackets: derived from what it is about, so
/// a run that stopped after creating it finds it again (<see cref="ScannerCopies.FindAsync"/>) instead of making a second.</param>
/// <param name="Marker">The value of the scanner's own-message property: what the notice is about, so nothing scans it.</param>
/// <param name="FromName">The display name it comes from (the organisation's protection, not a person).</param>
/// <param name="FromAddress">The address it comes from.</param>
/// <param name="To">The mailbox it is for.</param>
/// <param name="HtmlBody">The body, HTML, every untrusted part already encoded by whoever wrote it.</param>
/// <param name="At">When it was received, as Exchange stores delivery time.</param>
public sealed record ReceivedNotice(
    string InternetMessageId,
    string Marker,
    string FromName,
    string FromAddress,
    string To,
    string Subject,
    string HtmlBody,
    DateTimeOffset At);
