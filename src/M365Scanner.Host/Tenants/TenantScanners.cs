using System.Collections.Concurrent;
using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Scanning;
using M365Scanner.Core.Scoring;
using M365Scanner.Host.Mailboxes;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Tenants;

/// <summary>
/// Per-tenant scanners, created on first use: each tenant has its own correspondence graph (see <see cref="ITenantGraphStorage"/>) and its own domains; extraction and scoring are shared.
/// </summary>
public sealed class TenantScanners(
    IMonitoredMailboxes mailboxes, IOptions<PolicyOptions> policy, MessageLinkExtractor extractor,
    ITenantGraphStorage graphs) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<TenantScanner>> _tenants = new(StringComparer.OrdinalIgnoreCase);

    public TenantScanner For(string tenantId) =>
        _tenants.GetOrAdd(tenantId, id => new Lazy<TenantScanner>(() => Create(id))).Value;

    private TenantScanner Create(string tenantId)
    {
        var domains = mailboxes.All()
            .Where(m => string.Equals(m.TenantId, tenantId, StringComparison.OrdinalIgnoreCase))
            .Select(m => m.Mailbox[(m.Mailbox.IndexOf('@') + 1)..])
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var scanner = new MessageScanner(extractor, LinkScorer.Default, new PolicyEngine(policy.Value), TenantProfile.For(domains));
        return new TenantScanner(scanner, new CorrespondenceGraph(graphs.Open(tenantId)), policy.Value);
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
}
