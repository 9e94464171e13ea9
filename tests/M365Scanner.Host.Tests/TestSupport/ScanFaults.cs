using M365Scanner.Core.Operations;
using M365Scanner.Host.Scanning;

namespace M365Scanner.Host.Tests.TestSupport;

/// <summary>Makes one message's scan fail or hang, or adds the notes a parser whose worker died would, to prove such a
/// message ends contained as poison. Does nothing unless a test sets <see cref="BeforeScan"/> or
/// <see cref="ParserNotes"/>.</summary>
public sealed class ScanFaults : IScanFaults
{
    /// <summary>Called with the message's key and the job's cancellation token just before the message is scored; may
    /// throw, or block until the token fires (a host stopping).</summary>
    public Action<MessageKey, CancellationToken>? BeforeScan { get; set; }

    /// <summary>Called with the message's key once it is scored; the notes returned join its verdict's notes.</summary>
    public Func<MessageKey, IEnumerable<string>>? ParserNotes { get; set; }

    public void At(MessageKey key, CancellationToken ct) => BeforeScan?.Invoke(key, ct);

    public IEnumerable<string> NotesFor(MessageKey key) => ParserNotes?.Invoke(key) ?? [];
}
