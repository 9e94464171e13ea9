namespace M365Scanner.Graph.Mail;

/// <summary>What Graph knows about a message beyond its content: where it is and its mailbox state.</summary>
/// <param name="CopyOf">When this message is one the scanner made (a rewritten copy, whose value is the Graph id of the
/// original it replaced; or a notice), the value of its marker, only when the marker verifies (<see cref="OwnMessageMarker"/>);
/// the worker uses it to avoid scanning its own output again.</param>
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
