namespace M365Scanner.Host.Actions;

/// <summary>
/// A test hook: lets an end-to-end test stop a rewrite between its steps, the way a host killed mid-action would,
/// to prove the audit log resumes it. Does nothing unless a test sets <see cref="BeforeStep"/>.
/// </summary>
public sealed class ActionFaults
{
    /// <summary>Called with the step about to run ("move-original" after the copy exists, "record-move" once the message
    /// is in quarantine and before its new id is recorded); may throw.</summary>
    public Action<string>? BeforeStep { get; set; }

    internal void At(string step) => BeforeStep?.Invoke(step);
}
