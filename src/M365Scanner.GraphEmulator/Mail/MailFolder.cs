namespace M365Scanner.GraphEmulator.Mail;

/// <summary>A mail folder. Mutable only under its mailbox's lock.</summary>
public sealed class MailFolder
{
    internal MailFolder(string id, string displayName, string? parentFolderId, string? wellKnownName, bool isHidden = false)
    {
        IsHidden = isHidden;
        Id = id;
        DisplayName = displayName;
        ParentFolderId = parentFolderId;
        WellKnownName = wellKnownName;
    }

    public string Id { get; }
    public string DisplayName { get; }
    public string? ParentFolderId { get; }
    public string? WellKnownName { get; }

    /// <summary>Set only at creation, as in Graph; hidden folders are left out of listings unless asked for.</summary>
    public bool IsHidden { get; }

    /// <summary>Messages that left the folder (deleted or moved out), with the sequence of that change, for delta's @removed.</summary>
    internal List<(string MessageId, long Sequence)> Removed { get; } = [];
}
