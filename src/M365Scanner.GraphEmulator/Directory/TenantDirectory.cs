using System.Collections.Concurrent;

namespace M365Scanner.GraphEmulator.Directory;

/// <summary>All tenants of one emulator instance.</summary>
internal sealed class TenantDirectory
{
    private readonly ConcurrentDictionary<string, Tenant> _tenants = new(StringComparer.OrdinalIgnoreCase);

    public Tenant Add(string id, string domain)
    {
        var tenant = new Tenant(id, domain);
        if (!_tenants.TryAdd(id, tenant))
            throw new InvalidOperationException($"Tenant {id} already exists.");
        // Entra ID also accepts the tenant's domain in the authority URL.
        _tenants.TryAdd(domain, tenant);
        return tenant;
    }

    public Tenant? Find(string idOrDomain) => _tenants.TryGetValue(idOrDomain, out var t) ? t : null;

    public Tenant Get(string idOrDomain) =>
        Find(idOrDomain) ?? throw new KeyNotFoundException($"No tenant {idOrDomain} in this emulator.");

    public IEnumerable<Tenant> All => _tenants.Values.Distinct();
}
