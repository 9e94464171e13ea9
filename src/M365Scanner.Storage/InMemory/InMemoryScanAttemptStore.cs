using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.InMemory;

/// <summary>Scan attempts and poison marks in process memory: for tests and the offline demo. Thread-safe; one lock,
/// as every call reads and writes one entry and the demo's volume never makes the lock contended.</summary>
public sealed class InMemoryScanAttemptStore : IScanAttemptStore
{
    private readonly Dictionary<MessageKey, Entry> _entries = [];
    private readonly Lock _lock = new();
    // Order of first sight, the tie-break between marks made at the same instant (as a row id is).
    private long _sequence;

    /// <inheritdoc />
    public ScanAttempts Begin(MessageKey key, int limit, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var entry))
                _entries[key] = entry = new Entry(++_sequence) { FirstAt = at };
            else if (entry.Count >= limit)
                return entry.Attempts(started: false);
            entry.Count++;
            entry.LastAt = at;
            entry.LastError = null;
            return entry.Attempts(started: true);
        }
    }

    /// <inheritdoc />
    public void Fail(MessageKey key, string error)
    {
        ArgumentNullException.ThrowIfNull(error);
        lock (_lock)
            if (_entries.TryGetValue(key, out var entry))
                entry.LastError = error;
    }

    /// <inheritdoc />
    public void Uncount(MessageKey key)
    {
        lock (_lock)
            if (_entries.TryGetValue(key, out var entry) && entry.Count > 0)
                entry.Count--;
    }

    /// <inheritdoc />
    public void Clear(MessageKey key)
    {
        lock (_lock)
            if (_entries.TryGetValue(key, out var entry) && entry.Poison is null)
                _entries.Remove(key);
    }

    /// <inheritdoc />
    public void MarkPoison(PoisonMessage poison)
    {
        ArgumentNullException.ThrowIfNull(poison);
        lock (_lock)
        {
            if (!_entries.TryGetValue(poison.Key, out var entry))
                _entries[poison.Key] = entry = new Entry(++_sequence);
            entry.Count = poison.Attempts;
            entry.FirstAt = poison.FirstSeen;
            entry.LastAt = poison.LastSeen;
            entry.Poison = poison;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<PoisonMessage> QueryPoison(PoisonQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit, nameof(query));
        lock (_lock)
        {
            return _entries.Values
                .Where(e => e.Poison is { } p
                    && (query.TenantId is null || p.Key.TenantId == query.TenantId)
                    && (query.Mailbox is null || p.Key.Mailbox == query.Mailbox))
                .OrderByDescending(e => e.Poison!.LastSeen)
                .ThenByDescending(e => e.Sequence)
                .Take(query.Limit)
                .Select(e => e.Poison! with { Attempts = e.Count, FirstSeen = e.FirstAt, LastSeen = e.LastAt })
                .ToList();
        }
    }

    /// <inheritdoc />
    public int DeleteTenant(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        lock (_lock)
        {
            var keys = _entries.Keys.Where(k => k.TenantId == tenantId).ToList();
            foreach (var key in keys)
                _entries.Remove(key);
            return keys.Count;
        }
    }

    private sealed class Entry(long sequence)
    {
        public long Sequence { get; } = sequence;
        public int Count { get; set; }
        public DateTimeOffset FirstAt { get; set; }
        public DateTimeOffset LastAt { get; set; }
        public string? LastError { get; set; }
        public PoisonMessage? Poison { get; set; }

        public ScanAttempts Attempts(bool started) => new(Count, started, FirstAt, LastAt, LastError);
    }
}
