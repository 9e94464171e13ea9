using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;

namespace M365Scanner.Storage.Tests.Operations;

/// <summary>What every <see cref="IPolicyStore"/> must do. A provider's test class says only how to open a fresh store.</summary>
public abstract class PolicyStoreContract : StoreContract
{
    private static readonly PolicyEntry LinkAllow = new("e1", "tenant-a", PolicyEntryEffect.Allow, PolicyEntryKind.LinkDomain, "partner.example",
        null, "alice", T0, "our supplier's portal");

    private static readonly PolicyEntry SenderBlock = new("e2", "tenant-a", PolicyEntryEffect.Block, PolicyEntryKind.SenderAddress,
        "ceo@lookalike.example", "bob@tenant.example", "api-key", T0.AddMinutes(1), "");

    protected abstract IPolicyStore CreateStore();

    [SkippableFact]
    public void Current_IsNull_AndListsAreEmpty_ForATenantWithoutPolicy()
    {
        var store = CreateStore();

        Assert.Null(store.Current("tenant-a"));
        Assert.Empty(store.History("tenant-a"));
        Assert.Empty(store.Entries("tenant-a", includeRemoved: true));
        Assert.Null(store.Remove("tenant-a", "e1", "alice", T0));
    }

    [SkippableFact]
    public void Save_KeepsEveryVersion_NewestInForce_WithNullsReadBackAsNull()
    {
        var store = CreateStore();
        var first = new TenantPolicyVersion("tenant-a", new TenantPolicyOverride(PolicyMode.ReportOnly, 0.6, 0.85, true, false), "alice", T0);
        var second = new TenantPolicyVersion("tenant-a", new TenantPolicyOverride(Mode: PolicyMode.Enforce, HeldMessageNotice: true), "bob", T0);
        var other = new TenantPolicyVersion("tenant-b", TenantPolicyOverride.None, "carol", T0.AddHours(1));

        store.Save(first);
        store.Save(second);
        store.Save(other);

        Assert.Equal(second, store.Current("tenant-a"));
        Assert.Equal([second, first], store.History("tenant-a"));
        Assert.Equal(other, store.Current("tenant-b"));
    }

    [SkippableFact]
    public void Add_KeepsEveryField_InTheOrderAdded_PerTenant()
    {
        var store = CreateStore();
        var elsewhere = LinkAllow with { Id = "e3", TenantId = "tenant-b" };

        store.Add(SenderBlock);
        store.Add(LinkAllow);
        store.Add(elsewhere);

        Assert.Equal([SenderBlock, LinkAllow], store.Entries("tenant-a"));
        Assert.Equal([elsewhere], store.Entries("tenant-b"));
    }

    [SkippableFact]
    public void Add_Throws_WhenTheIdExists()
    {
        var store = CreateStore();
        store.Add(LinkAllow);

        Assert.Throws<InvalidOperationException>(() => store.Add(SenderBlock with { Id = LinkAllow.Id }));
        Assert.Equal([LinkAllow], store.Entries("tenant-a"));
    }

    [SkippableFact]
    public void Remove_MarksTheEntry_KeepsItForTheAuditTrail_AndASecondRemovalChangesNothing()
    {
        var store = CreateStore();
        store.Add(LinkAllow);
        store.Add(SenderBlock);

        var removed = store.Remove("tenant-a", "e1", "bob", T0.AddHours(2));
        var again = store.Remove("tenant-a", "e1", "carol", T0.AddHours(3));

        var expected = LinkAllow with { RemovedBy = "bob", RemovedAt = T0.AddHours(2) };
        Assert.Equal(expected, removed);
        Assert.Equal(expected, again);
        Assert.Equal([SenderBlock], store.Entries("tenant-a"));
        Assert.Equal([expected, SenderBlock], store.Entries("tenant-a", includeRemoved: true));
        Assert.Null(store.Remove("tenant-b", "e2", "bob", T0));
        Assert.True(store.Entries("tenant-a").Single().IsActive);
    }
}
