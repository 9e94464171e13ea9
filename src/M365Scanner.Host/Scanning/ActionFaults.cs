namespace M365Scanner.Host.Scanning;

/// <summary>
/// A test hook: lets an end-to-end test stop a rewrite between its steps, the way a host killed mid-action would,
/// to prove the audit log resumes it. Does nothing unless a test sets <see cref="BeforeStep"/>.
/// </summary>
public sealed class ActionFaults
{
    /// <summary>Called with the step about to run ("create-copy" when a rewrite found no copy of its own and is about
    /// to make one, "record-copy" once the copy exists and before its id is recorded, "move-original" after the copy is
    /// recorded, "record-move" once the message is in quarantine and before its new id is recorded); may throw or
    /// block.</summary>
    public Action<string>? BeforeStep { get; set; }

    internal void At(string step) => BeforeStep?.Invoke(step);
}
