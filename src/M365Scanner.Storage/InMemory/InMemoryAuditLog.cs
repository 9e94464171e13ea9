using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.InMemory;

/// <summary>The audit log in process memory: for tests and the offline demo. Thread-safe. Ids are 1, 2, 3, ... in
/// append order, as in the SQLite log.</summary>
public sealed class InMemoryAuditLog : IAuditLog, IChangeFeed<AuditEntry>
{
    // Entries are never deleted, so the entry with id n sits at index n - 1.
    private readonly List<AuditEntry> _entries = [];
    private readonly Lock _lock = new();
    // Each entry's latest change, at the same index; bumped under the lock with the write.
    private readonly List<long> _changeOf = [];
    private long _changes;

    /// <inheritdoc />
    public long Append(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            var id = _entries.Count + 1L;
            _entries.Add(entry with { Id = id });
            _changeOf.Add(++_changes);
            return id;
        }
    }

    /// <inheritdoc />
    /// <exception cref="KeyNotFoundException">No entry has <paramref name="id"/>: resuming a step of an action
    /// that was never appended is a bug to surface, not to skip.</exception>
    public void Update(long id, AuditState state, string? originalMessageId, string? resultMessageId, DateTimeOffset at)
    {
        lock (_lock)
        {
            var entry = Find(id) ?? throw new KeyNotFoundException($"No audit entry has id {id}.");
            _entries[(int)(id - 1)] = entry with
            {
                State = state,
                OriginalMessageId = originalMessageId ?? entry.OriginalMessageId,
                ResultMessageId = resultMessageId ?? entry.ResultMessageId,
                UpdatedAt = at,
            };
            _changeOf[(int)(id - 1)] = ++_changes;
        }
    }

    /// <inheritdoc />
    public AuditEntry? Get(long id)
    {
        lock (_lock)
            return Find(id);
    }

    /// <inheritdoc />
    /// <remarks>"Newest" is the last appended, whatever its <see cref="AuditEntry.At"/> says.</remarks>
    public AuditEntry? Latest(MessageKey key, AuditAction action)
    {
        lock (_lock)
            return _entries.FindLast(e => e.Key == key && e.Action == action);
    }

    /// <inheritdoc />
    public AuditEntry? ActionThatCreated(string tenantId, string mailbox, string graphMessageId)
    {
        lock (_lock)
            return _entries.FindLast(e => e.ResultMessageId == graphMessageId
                && e.Key.TenantId == tenantId && e.Key.Mailbox == mailbox);
    }

    /// <inheritdoc />
    public IReadOnlyList<AuditEntry> ForMessage(MessageKey key, int limit = 100)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_lock)
            return _entries.Where(e => e.Key == key).Take(limit).ToList();
    }

    /// <inheritdoc />
    /// <remarks>Ordered by <see cref="AuditEntry.At"/>, then by id; <paramref name="since"/> is inclusive.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    public IReadOnlyList<AuditEntry> Query(string? tenantId = null, string? mailbox = null, DateTimeOffset? since = null, int limit = 100,
        string? actor = null, string? huntId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_lock)
        {
            return _entries
                .Where(e => (tenantId is null || e.Key.TenantId == tenantId)
                    && (mailbox is null || e.Key.Mailbox == mailbox)
                    && (since is null || e.At >= since)
                    && (actor is null || e.Actor == actor)
                    && (huntId is null || e.HuntId == huntId))
                .OrderByDescending(e => e.At)
                .ThenByDescending(e => e.Id)
                .Take(limit)
                .ToList();
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
    public IReadOnlyList<Change<AuditEntry>> Read(long after, long through, int limit, string? tenantId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_lock)
            return Changes(after, through, limit, tenantId).ToList();
    }

    private IEnumerable<Change<AuditEntry>> Changes(long after, long through, int limit, string? tenantId) => _entries
        .Select((entry, index) => new Change<AuditEntry>(_changeOf[index], entry))
        .Where(c => c.Sequence > after && c.Sequence <= through && (tenantId is null || c.Value.Key.TenantId == tenantId))
        .OrderBy(c => c.Sequence)
        .Take(limit);

    private AuditEntry? Find(long id) => id >= 1 && id <= _entries.Count ? _entries[(int)(id - 1)] : null;
}
