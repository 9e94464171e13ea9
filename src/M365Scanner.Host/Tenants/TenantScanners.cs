using System.Collections.Concurrent;
using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Scanning;
using M365Scanner.Core.Scoring;
using M365Scanner.Host.Mailboxes;

namespace M365Scanner.Host.Tenants;

/// <summary>
/// Per-tenant scanners: each tenant has its own correspondence graph (see <see cref="ITenantGraphStorage"/>), opened
/// on first use, its own domains and its own policy (<see cref="TenantPolicies"/>); extraction and scoring are shared.
/// The scanner is rebuilt when the tenant's policy changes, so a change applies to the next scan without a restart.
/// </summary>
public sealed class TenantScanners(
    IMonitoredMailboxes mailboxes, TenantPolicies policies, MessageLinkExtractor extractor, ITenantGraphStorage graphs) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Tenant>> _tenants = new(StringComparer.OrdinalIgnoreCase);

    public TenantScanner For(string tenantId)
    {
        var tenant = _tenants.GetOrAdd(tenantId, id => new Lazy<Tenant>(() => Open(id))).Value;
        var policy = policies.For(tenantId);
        if (tenant.Built is { } built && ReferenceEquals(built.Policy, policy))
            return built.Scanner;
        var scanner = new MessageScanner(extractor, LinkScorer.Default, new PolicyEngine(policy.Policy, policy.Entries), tenant.Profile);
        var created = new TenantScanner(scanner, tenant.Graph, policy.Policy);
        tenant.Built = new BuiltScanner(policy, created);
        return created;
    }

    private Tenant Open(string tenantId)
    {
        var domains = mailboxes.All()
            .Where(m => string.Equals(m.TenantId, tenantId, StringComparison.OrdinalIgnoreCase))
            .Select(m => m.Mailbox[(m.Mailbox.IndexOf('@') + 1)..])
            .Distinct(StringComparer.OrdinalIgnoreCase);
        return new Tenant(new CorrespondenceGraph(graphs.Open(tenantId)), TenantProfile.For(domains));
    }

    /// <summary>Closes and forgets the tenant's graph (offboarding, before its file is deleted); the next use opens
    /// a new one.</summary>
    public void Forget(string tenantId)
    {
        if (_tenants.TryRemove(tenantId, out var tenant) && tenant.IsValueCreated)
            (tenant.Value.Graph.Store as IDisposable)?.Dispose();
    }

    public void Dispose()
    {
        foreach (var tenant in _tenants.Values.Where(t => t.IsValueCreated))
            (tenant.Value.Graph.Store as IDisposable)?.Dispose();
    }

    private sealed class Tenant(CorrespondenceGraph graph, TenantProfile profile)
    {
        public CorrespondenceGraph Graph { get; } = graph;

        public TenantProfile Profile { get; } = profile;

        /// <summary>The scanner last built and the policy it was built from, replaced as a pair.</summary>
        public volatile BuiltScanner? Built;
    }

    private sealed record BuiltScanner(TenantPolicy Policy, TenantScanner Scanner);
}
