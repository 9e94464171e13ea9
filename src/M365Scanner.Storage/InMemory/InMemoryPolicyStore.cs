using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;

namespace M365Scanner.Storage.InMemory;

/// <summary>Tenant policies in process memory: for tests and the offline demo. Thread-safe.</summary>
public sealed class InMemoryPolicyStore : IPolicyStore
{
    private readonly List<TenantPolicyVersion> _versions = [];
    private readonly List<PolicyEntry> _entries = [];
    private readonly Lock _lock = new();

    public TenantPolicyVersion? Current(string tenantId) => History(tenantId).FirstOrDefault();

    public IReadOnlyList<TenantPolicyVersion> History(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        lock (_lock)
            return [.. _versions.Where(v => v.TenantId == tenantId).Reverse()];
    }

    public void Save(TenantPolicyVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        lock (_lock)
            _versions.Add(version);
    }

    public void Add(PolicyEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            if (_entries.Exists(e => e.Id == entry.Id))
                throw new InvalidOperationException($"Policy entry {entry.Id} exists.");
            _entries.Add(entry);
        }
    }

    public IReadOnlyList<PolicyEntry> Entries(string tenantId, bool includeRemoved = false)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        lock (_lock)
            return [.. _entries.Where(e => e.TenantId == tenantId && (includeRemoved || e.IsActive))];
    }

    public PolicyEntry? Remove(string tenantId, string entryId, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        lock (_lock)
        {
            var index = _entries.FindIndex(e => e.TenantId == tenantId && e.Id == entryId);
            if (index < 0)
                return null;
            if (_entries[index].IsActive)
                _entries[index] = _entries[index] with { RemovedBy = actor, RemovedAt = at };
            return _entries[index];
        }
    }
}
