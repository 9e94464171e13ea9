namespace M365Scanner.Host.Scanning;

/// <summary>
/// The points of an action where a host can die: the end-to-end tests stop a rewrite there, the way a host killed
/// mid-action would, to prove the audit log resumes it. The product registers <see cref="None"/>; the faulting
/// implementation lives with the tests, which register it in the host's configuration.
/// </summary>
public interface IActionFaults
{
    /// <summary>Does nothing: the product's.</summary>
    static IActionFaults None { get; } = new NoFaults();

    /// <summary>Reached before <paramref name="step"/> runs: "create-copy" when a rewrite found no copy of its own and
    /// is about to make one, "record-copy" once the copy exists and before its id is recorded, "move-original" after
    /// the copy is recorded, "record-move" once the message is in quarantine and before its new id is recorded,
    /// "lease-busy" when another run holds the message. An implementation may throw or block.</summary>
    void At(string step);

    private sealed class NoFaults : IActionFaults
    {
        public void At(string step)
        {
        }
    }
}
