using M365Scanner.Core.Operations;

namespace M365Scanner.Host.Scanning;

/// <summary>
/// What other features are handed of every verdict the scan path records (the outbound alerts enqueue theirs here),
/// called just before the verdict is recorded: a stop in between leaves the job unfinished, and its retry hands the
/// verdict over again, so an implementation must be idempotent per message. It must not throw for a verdict it does not
/// want; an exception fails the scan's attempt as a transient store error would.
/// </summary>
public interface IVerdictHandoff
{
    void BeforeRecord(VerdictRecord verdict);
}
