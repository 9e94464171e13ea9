using M365Scanner.Core.Operations;

namespace M365Scanner.Host.Jobs;

/// <summary>
/// A test hook: lets an end-to-end test make one message's scan fail, or hang the way a host that dies mid-scan
/// never finishes it, to prove such a message ends contained as poison. Does nothing unless a test sets
/// <see cref="BeforeScan"/>.
/// </summary>
public sealed class ScanFaults
{
    /// <summary>Called with the message's key and the job's cancellation token once its scan attempt is counted, just
    /// before the message is scored; may throw, or block until the token fires (a host stopping).</summary>
    public Action<MessageKey, CancellationToken>? BeforeScan { get; set; }

    internal void At(MessageKey key, CancellationToken ct) => BeforeScan?.Invoke(key, ct);
}
