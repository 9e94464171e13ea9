using M365Scanner.Core.Operations;

namespace M365Scanner.Host.Scanning;

/// <summary>
/// A test hook: lets an end-to-end test make one message's scan fail, or hang the way a host that dies mid-scan
/// never finishes it, or report what a document parser would (its worker process died), to prove such a message ends
/// contained as poison. Does nothing unless a test sets <see cref="BeforeScan"/> or <see cref="ParserNotes"/>.
/// </summary>
public sealed class ScanFaults
{
    /// <summary>Called with the message's key and the job's cancellation token once its scan attempt is counted, just
    /// before the message is scored; may throw, or block until the token fires (a host stopping).</summary>
    public Action<MessageKey, CancellationToken>? BeforeScan { get; set; }

    /// <summary>Called with the message's key once it is scored; the notes returned join its verdict's notes, as
    /// notes of the extraction would.</summary>
    public Func<MessageKey, IEnumerable<string>>? ParserNotes { get; set; }

    internal void At(MessageKey key, CancellationToken ct) => BeforeScan?.Invoke(key, ct);

    internal IEnumerable<string> NotesFor(MessageKey key) => ParserNotes?.Invoke(key) ?? [];
}
