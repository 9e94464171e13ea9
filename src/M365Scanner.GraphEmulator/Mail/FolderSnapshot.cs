namespace M365Scanner.GraphEmulator.Mail;

/// <summary>A folder and its counts at one moment.</summary>
public sealed record FolderSnapshot(string Id, string DisplayName, string? ParentFolderId, string? WellKnownName,
    int ChildFolderCount, int TotalItemCount, int UnreadItemCount, bool IsHidden = false);
