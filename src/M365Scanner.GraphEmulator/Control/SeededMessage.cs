namespace M365Scanner.GraphEmulator.Control;

/// <summary>A message as read back for assertions: where it is, its state, and its MIME.</summary>
public sealed record SeededMessage(string Id, string FolderId, string? Subject, string? InternetMessageId, bool IsDraft, bool IsRead,
    DateTimeOffset ReceivedDateTime, byte[] Mime);
