using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.Tests.Operations;

/// <summary>What every <see cref="ITenantStore"/> must do. A provider's test class says only how to open a fresh
/// store.</summary>
public abstract class TenantStoreContract : StoreContract
{
    protected static readonly TenantRecord Contoso = new("11111111-aaaa-4bbb-8ccc-000000000001", TenantState.Active, T0,
        ["Mail.ReadWrite", "User.Read.All"], null) { ChangedBy = "admin consent" };

    /// <summary>A new, empty store.</summary>
    protected abstract ITenantStore CreateStore();

    [SkippableFact]
    public void Get_ReturnsNull_WhenMissing()
    {
        var store = CreateStore();

        Assert.Null(store.Get(Contoso.TenantId));
        Assert.Empty(store.All());
        Assert.Empty(store.Mailboxes(Contoso.TenantId));
    }

    [SkippableFact]
    public void Save_KeepsEveryField_WhenReadBack()
    {
        var store = CreateStore();
        var failed = new TenantRecord("22222222-aaaa-4bbb-8ccc-000000000002", TenantState.ConsentFailed, null, [], "User.Read.All was not granted");
        store.Save(Contoso);
        store.Save(failed);

        AssertSame(Contoso, store.Get(Contoso.TenantId));
        AssertSame(failed, store.Get(failed.TenantId.ToUpperInvariant()));
        Assert.Equal([Contoso.TenantId, failed.TenantId], store.All().Select(t => t.TenantId));
    }

    [SkippableFact]
    public void Save_Replaces_AndKeepsMailboxes_WhenSavedAgain()
    {
        var store = CreateStore();
        store.Save(Contoso with { State = TenantState.Onboarding });
        store.SetMailboxes(Contoso.TenantId, ["bob@contoso.example"]);

        store.Save(Contoso with { State = TenantState.Offboarded, Problem = "offboarded by admin", ChangedBy = "kim@msp.example" });

        var read = store.Get(Contoso.TenantId)!;
        Assert.Equal(TenantState.Offboarded, read.State);
        Assert.Equal("kim@msp.example", read.ChangedBy);
        Assert.Equal("offboarded by admin", read.Problem);
        Assert.Single(store.All());
        Assert.Equal(["bob@contoso.example"], store.Mailboxes(Contoso.TenantId));
    }

    [SkippableFact]
    public void SetMailboxes_ReplacesLowerCasedAndDistinct_PerTenant()
    {
        var store = CreateStore();
        store.SetMailboxes(Contoso.TenantId, ["old@contoso.example"]);
        store.SetMailboxes("other-tenant", ["eve@other.example"]);

        store.SetMailboxes(Contoso.TenantId, ["Carol@Contoso.example", "bob@contoso.example", "BOB@contoso.example"]);

        Assert.Equal(["bob@contoso.example", "carol@contoso.example"], store.Mailboxes(Contoso.TenantId));
        Assert.Equal(["eve@other.example"], store.Mailboxes("other-tenant"));
        store.SetMailboxes(Contoso.TenantId, []);
        Assert.Empty(store.Mailboxes(Contoso.TenantId));
    }

    private static void AssertSame(TenantRecord expected, TenantRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.TenantId, actual.TenantId);
        Assert.Equal(expected.State, actual.State);
        Assert.Equal(expected.ConsentedAt, actual.ConsentedAt);
        Assert.Equal(expected.GrantedRoles, actual.GrantedRoles);
        Assert.Equal(expected.Problem, actual.Problem);
        Assert.Equal(expected.ChangedBy, actual.ChangedBy);
    }
}
