using M365Scanner.Core.Operations;
using M365Scanner.Storage.Rows;

namespace M365Scanner.Storage.InMemory;

/// <summary>The alert outbox in process memory: for tests and the offline demo. Thread-safe; one lock.</summary>
public sealed class InMemoryAlertOutbox : IAlertOutbox
{
    // In enqueue order; the lease lives beside the alert, as the SQL stores keep it in columns the record does not show.
    private readonly List<Entry> _entries = [];
    private readonly Lock _lock = new();

    /// <inheritdoc />
    public bool Enqueue(OutboundAlert alert)
    {
        AlertRows.CheckEnqueued(alert);
        lock (_lock)
        {
            if (_entries.Any(e => e.Alert.Id == alert.Id || (e.Alert.Webhook == alert.Webhook && e.Alert.Key == alert.Key)))
                return false;
            _entries.Add(new Entry(alert));
            return true;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<OutboundAlert> Claim(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int limit)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_lock)
        {
            var due = _entries
                .Where(e => e.Alert.State == AlertState.Pending && e.Alert.NextAttemptAt <= now && (e.LeaseUntil is null || e.LeaseUntil <= now))
                .OrderBy(e => e.Alert.NextAttemptAt).Take(limit).ToList();
            foreach (var entry in due)
                (entry.Owner, entry.LeaseUntil) = (owner, leaseUntil);
            return due.Select(e => e.Alert).ToList();
        }
    }

    /// <inheritdoc />
    public bool Record(string id, string owner, AlertAttemptOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(outcome);
        lock (_lock)
        {
            var entry = _entries.FirstOrDefault(e => e.Alert.Id == id && e.Alert.State == AlertState.Pending && e.Owner == owner);
            if (entry is null)
                return false;
            entry.Alert = AlertRows.Apply(entry.Alert, outcome);
            (entry.Owner, entry.LeaseUntil) = (null, null);
            return true;
        }
    }

    /// <inheritdoc />
    public OutboundAlert? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_lock)
            return _entries.FirstOrDefault(e => e.Alert.Id == id)?.Alert;
    }

    /// <inheritdoc />
    public IReadOnlyList<OutboundAlert> Query(AlertState? state, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_lock)
            return _entries.Select(e => e.Alert).Where(a => state is null || a.State == state).Reverse().Take(limit).ToList();
    }

    /// <inheritdoc />
    public int DeleteTenant(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        lock (_lock)
            return _entries.RemoveAll(e => e.Alert.Key.TenantId == tenantId);
    }

    private sealed class Entry(OutboundAlert alert)
    {
        public OutboundAlert Alert { get; set; } = alert;
        public string? Owner { get; set; }
        public DateTimeOffset? LeaseUntil { get; set; }
    }
}
