using System.Collections.Concurrent;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Tenants;

/// <summary>
/// Each tenant's <see cref="TenantPolicy"/>, read from the <see cref="IPolicyStore"/> and kept for a few seconds, so a
/// scan costs no query. A change made through this host is seen by its next scan (<see cref="Changed"/>); one made
/// through another host sharing the store, within <see cref="Freshness"/>.
/// </summary>
public sealed class TenantPolicies(IPolicyStore store, IOptions<PolicyOptions> global, TimeProvider clock)
{
    /// <summary>How long a read policy is used before it is read again.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (TenantPolicy Policy, DateTimeOffset ReadAt)> _read = new(StringComparer.OrdinalIgnoreCase);
    private long _changes;

    public TenantPolicy For(string tenantId)
    {
        var now = clock.GetUtcNow();
        var cached = _read.TryGetValue(tenantId, out var found) ? found : default;
        if (cached.Policy is not null && now - cached.ReadAt < Freshness && now >= cached.ReadAt)
            return cached.Policy;
        var changesBefore = Interlocked.Read(ref _changes);
        var policy = Read(tenantId);
        // A policy read again unchanged keeps its identity, so the tenant's scanner is not rebuilt for nothing.
        if (cached.Policy is { } old && old.Policy == policy.Policy && old.Entries.SequenceEqual(policy.Entries))
            policy = old;
        // A change announced while reading may not be in what was read: then it is not kept, and the next scan reads again.
        if (Interlocked.Read(ref _changes) == changesBefore)
            _read[tenantId] = (policy, now);
        return policy;
    }

    /// <summary>Marks what was read for the tenant stale: its next scan reads the store.</summary>
    public void Changed(string tenantId)
    {
        Interlocked.Increment(ref _changes);
        if (_read.TryGetValue(tenantId, out var cached))
            _read[tenantId] = (cached.Policy, DateTimeOffset.MinValue);
    }

    private TenantPolicy Read(string tenantId)
    {
        var tenantOverride = store.Current(tenantId)?.Override ?? TenantPolicyOverride.None;
        return new TenantPolicy(tenantOverride.ApplyTo(global.Value), store.Entries(tenantId));
    }
}
