namespace M365Scanner.Graph.Mail;

/// <summary>What Graph knows about a message beyond its content: where it is and its mailbox state.</summary>
/// <param name="CopyOf">When this message is a copy the scanner made (rewritten links), the Graph id of the
/// original it replaced; the worker uses it to avoid scanning its own output again.</param>
public sealed record GraphMessageInfo(
    string Id,
    string? ParentFolderId,
    bool IsRead,
    bool IsDraft,
    IReadOnlyList<string> Categories,
    DateTimeOffset? ReceivedDateTime,
    string? InternetMessageId,
    bool HasAttachments,
    string? CopyOf);
