using M365Scanner.Host.Scanning;

namespace M365Scanner.Host.Tests.TestSupport;

/// <summary>Stops a rewrite between its steps, the way a host killed mid-action would, to prove the audit log resumes
/// it. Does nothing unless a test sets <see cref="BeforeStep"/>.</summary>
public sealed class ActionFaults : IActionFaults
{
    /// <summary>Called with the step about to run (see <see cref="IActionFaults.At"/>); may throw or block.</summary>
    public Action<string>? BeforeStep { get; set; }

    public void At(string step) => BeforeStep?.Invoke(step);
}
