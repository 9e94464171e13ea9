using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.InMemory;

/// <summary>Onboarded tenants in process memory: for tests and the offline demo. Thread-safe.</summary>
public sealed class InMemoryTenantStore : ITenantStore
{
    private readonly Dictionary<string, TenantRecord> _tenants = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SortedSet<string>> _mailboxes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    public void Save(TenantRecord tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant.TenantId);
        lock (_lock)
            _tenants[tenant.TenantId] = tenant with { GrantedRoles = [.. tenant.GrantedRoles] };
    }

    public TenantRecord? Get(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        lock (_lock)
            return _tenants.GetValueOrDefault(tenantId);
    }

    public IReadOnlyList<TenantRecord> All()
    {
        lock (_lock)
            return _tenants.Values.OrderBy(t => t.TenantId, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public void SetMailboxes(string tenantId, IEnumerable<string> mailboxes)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(mailboxes);
        var set = new SortedSet<string>(mailboxes.Select(m => m.ToLowerInvariant()), StringComparer.Ordinal);
        lock (_lock)
            _mailboxes[tenantId] = set;
    }

    public IReadOnlyList<string> Mailboxes(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        lock (_lock)
            return _mailboxes.TryGetValue(tenantId, out var set) ? [.. set] : [];
    }
}
