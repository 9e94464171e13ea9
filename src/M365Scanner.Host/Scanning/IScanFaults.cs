using M365Scanner.Core.Operations;

namespace M365Scanner.Host.Scanning;

/// <summary>
/// The points of a scan where it can fail, hang or lose its document parser: the end-to-end tests make one message's
/// scan fail there, or hang the way a host that dies mid-scan never finishes it, or report what a parser whose worker
/// process died would, to prove such a message ends contained as poison. The product registers <see cref="None"/>;
/// the faulting implementation lives with the tests, which register it in the host's configuration.
/// </summary>
public interface IScanFaults
{
    /// <summary>Does nothing and adds no note: the product's.</summary>
    static IScanFaults None { get; } = new NoFaults();

    /// <summary>Reached with the message's key and the job's cancellation token once its scan attempt is counted,
    /// just before the message is scored. An implementation may throw, or block until the token fires.</summary>
    void At(MessageKey key, CancellationToken ct);

    /// <summary>Notes that join the verdict's notes once the message is scored, as notes of the extraction would.</summary>
    IEnumerable<string> NotesFor(MessageKey key);

    private sealed class NoFaults : IScanFaults
    {
        public void At(MessageKey key, CancellationToken ct)
        {
        }

        public IEnumerable<string> NotesFor(MessageKey key) => [];
    }
}
