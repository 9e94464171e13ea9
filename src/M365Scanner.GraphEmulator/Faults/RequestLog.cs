using System.Collections.Concurrent;

namespace M365Scanner.GraphEmulator.Faults;

/// <summary>One request the emulator answered.</summary>
/// <param name="Query">The query string as sent ("?$select=...&amp;$expand=..."), so a test can see what was asked for.</param>
/// <param name="ResponseBytes">Bytes of the response body the emulator wrote (JSON or binary), so a test can tell
/// that an attachment was not downloaded without timing anything; 0 for an empty or unmeasured body.</param>
public sealed record LoggedRequest(string Method, string Path, int Status, DateTimeOffset At, string Query = "", long ResponseBytes = 0);

/// <summary>The most recent requests, so tests can assert how often a client called (e.g. that a 429 was retried).</summary>
internal sealed class RequestLog
{
    private const int Capacity = 20_000;
    private readonly ConcurrentQueue<LoggedRequest> _entries = new();

    public void Add(LoggedRequest entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > Capacity && _entries.TryDequeue(out _)) { }
    }

    public IReadOnlyList<LoggedRequest> Snapshot() => _entries.ToArray();

    public void Clear() => _entries.Clear();
}
