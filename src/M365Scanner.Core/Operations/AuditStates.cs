namespace M365Scanner.Core.Operations;

/// <summary>The states an <see cref="AuditEntry"/> moves through.</summary>
public static class AuditStates
{
    public const string Started = "started";
    /// <summary>Rewrite only: the rewritten copy exists; the original is not yet in quarantine.</summary>
    public const string Copied = "copied";
    public const string Completed = "completed";
    public const string Failed = "failed";
    /// <summary>Undone by a later release entry.</summary>
    public const string Released = "released";
}
