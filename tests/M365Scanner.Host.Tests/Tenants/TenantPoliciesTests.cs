using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.Tenants;
using M365Scanner.Host.Tests.Onboarding;
using M365Scanner.Storage.InMemory;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Tests.Tenants;

/// <summary>How fresh a tenant's policy is: a change through this host applies at once, one made elsewhere (another
/// host on the same store) within <see cref="TenantPolicies.Freshness"/>, and an unchanged read keeps its identity.</summary>
public class TenantPoliciesTests
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly PolicyOptions Global = new() { Mode = PolicyMode.Enforce };

    private static TenantPolicyVersion ReportOnly(string tenant) =>
        new(tenant, new TenantPolicyOverride(Mode: PolicyMode.ReportOnly), "alice", T0);

    [Fact]
    public void For_SeesAChangeMadeElsewhere_OnlyOnceTheReadPolicyIsStale()
    {
        var store = new InMemoryPolicyStore();
        var clock = new ManualClock(T0);
        var policies = new TenantPolicies(store, Options.Create(Global), clock);
        var first = policies.For("tenant-a");

        store.Save(ReportOnly("tenant-a"));
        clock.Advance(TenantPolicies.Freshness - TimeSpan.FromMilliseconds(1));
        Assert.Same(first, policies.For("tenant-a"));
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(PolicyMode.ReportOnly, policies.For("tenant-a").Policy.Mode);
        Assert.Equal(PolicyMode.Enforce, policies.For("tenant-b").Policy.Mode);
    }

    [Fact]
    public void For_ReadsTheStoreAgainAtOnce_AfterChanged_AndKeepsTheSameInstance_WhenNothingChanged()
    {
        var store = new InMemoryPolicyStore();
        var clock = new ManualClock(T0);
        var policies = new TenantPolicies(store, Options.Create(Global), clock);
        var first = policies.For("tenant-a");

        policies.Changed("tenant-a");
        Assert.Same(first, policies.For("tenant-a"));
        store.Add(new PolicyEntry("e1", "tenant-a", PolicyEntryEffect.Block, PolicyEntryKind.LinkDomain, "evil.example", null, "alice", T0, ""));
        policies.Changed("tenant-a");

        var changed = policies.For("tenant-a");
        Assert.NotSame(first, changed);
        Assert.Equal("e1", Assert.Single(changed.Entries).Id);
    }
}
