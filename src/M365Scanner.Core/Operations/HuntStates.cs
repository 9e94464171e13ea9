namespace M365Scanner.Core.Operations;

/// <summary>Where a hunt is: queued (its job is waiting), running, completed (errors on single messages or mailboxes
/// are listed in the report), failed (the hunt itself stopped).</summary>
public static class HuntStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
