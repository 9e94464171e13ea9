using M365Scanner.Core.Operations;
using M365Scanner.Storage.Rows;

namespace M365Scanner.Storage.InMemory;

/// <summary>Verdicts and claims in process memory: for tests and the offline demo. Thread-safe; one lock, because
/// a claim must read and write one entry atomically and the demo's volume never makes the lock contended.</summary>
/// <remarks>A claim is never released or taken over: a retry of the same job (same owner) gets it back, and a stale
/// claim of a job that died for good stays until the verdict is recorded (see <see cref="IVerdictStore.TryClaim"/>).</remarks>
public sealed class InMemoryVerdictStore : IVerdictStore, IChangeFeed<VerdictRecord>
{
    private readonly Dictionary<MessageKey, Entry> _entries = [];
    private readonly Lock _lock = new();
    // Insertion order, the tie-break when two verdicts share a ScannedAt (as a SQLite row id is).
    private long _sequence;
    // The change feed's counter: bumped under the lock with the write, so its order is the order writes are seen.
    private long _changes;

    /// <inheritdoc />
    public bool TryClaim(MessageKey key, string owner, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(owner);
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                _entries[key] = new Entry(++_sequence) { Owner = owner };
                return true;
            }
            return entry.Verdict is null && entry.Owner == owner;
        }
    }

    /// <inheritdoc />
    public void Record(VerdictRecord verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        lock (_lock)
        {
            if (!_entries.TryGetValue(verdict.Key, out var entry))
                _entries[verdict.Key] = entry = new Entry(++_sequence);
            entry.Verdict = verdict;
            entry.Change = ++_changes;
        }
    }

    /// <inheritdoc />
    public VerdictRecord? Get(MessageKey key)
    {
        lock (_lock)
            return _entries.TryGetValue(key, out var entry) ? entry.Verdict : null;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The limit is not positive.</exception>
    public IReadOnlyList<VerdictRecord> Query(VerdictQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit, nameof(query));
        lock (_lock)
        {
            return _entries.Values
                .Where(e => e.Verdict is { } v
                    && (query.TenantId is null || v.Key.TenantId == query.TenantId)
                    && (query.Mailbox is null || v.Key.Mailbox == query.Mailbox)
                    && (query.Action is null || v.Action == query.Action)
                    && (query.Since is null || v.ScannedAt >= query.Since)
                    && (query.Until is null || v.ScannedAt < query.Until)
                    && (query.MessageId is null || v.Key.MessageId == query.MessageId)
                    && (query.Sender is null || VerdictSearchPatterns.SenderMatches(v.Sender, query.Sender))
                    && (query.SubjectContains is null || v.Subject?.Contains(query.SubjectContains, StringComparison.OrdinalIgnoreCase) == true)
                    && (query.LinkDomain is null || VerdictSearchPatterns.LinksInclude(v.LinksJson, query.LinkDomain)))
                .OrderByDescending(e => e.Verdict!.ScannedAt)
                .ThenByDescending(e => e.Sequence)
                .Take(query.Limit)
                .Select(e => e.Verdict!)
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

    /// <inheritdoc />
    public long? PageEnd(long after, int limit, string? tenantId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_lock)
            return Changes(after, long.MaxValue, limit, tenantId).Select(c => (long?)c.Sequence).LastOrDefault();
    }

    /// <inheritdoc />
    public IReadOnlyList<Change<VerdictRecord>> Read(long after, long through, int limit, string? tenantId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_lock)
            return Changes(after, through, limit, tenantId).ToList();
    }

    private IEnumerable<Change<VerdictRecord>> Changes(long after, long through, int limit, string? tenantId) => _entries.Values
        .Where(e => e.Verdict is { } v && e.Change > after && e.Change <= through && (tenantId is null || v.Key.TenantId == tenantId))
        .OrderBy(e => e.Change)
        .Take(limit)
        .Select(e => new Change<VerdictRecord>(e.Change, e.Verdict!));

    private sealed class Entry(long sequence)
    {
        public long Sequence { get; } = sequence;
        public string? Owner { get; init; }
        public VerdictRecord? Verdict { get; set; }
        public long Change { get; set; }
    }
}
