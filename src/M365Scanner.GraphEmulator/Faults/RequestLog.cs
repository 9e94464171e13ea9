using System.Collections.Concurrent;

namespace M365Scanner.GraphEmulator.Faults;

/// <summary>One request the emulator answered.</summary>
public sealed record LoggedRequest(string Method, string Path, int Status, DateTimeOffset At);

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
