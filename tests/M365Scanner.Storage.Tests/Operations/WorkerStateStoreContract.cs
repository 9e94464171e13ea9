using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.Tests.Operations;

/// <summary>What every <see cref="IWorkerStateStore"/> must do. A provider's test class says only how to open a
/// fresh store.</summary>
public abstract class WorkerStateStoreContract : StoreContract
{
    protected static readonly SubscriptionRecord Bob = new(
        "sub-1", "tenant-a", "bob@tenant.example", "users/bob@tenant.example/mailFolders('inbox')/messages",
        "c1ient-state-secret", T0.AddDays(3));

    /// <summary>A new, empty store.</summary>
    protected abstract IWorkerStateStore CreateStore();

    [SkippableFact]
    public void GetSubscription_ReturnsNull_WhenMissing()
    {
        var store = CreateStore();

        Assert.Null(store.GetSubscription("sub-1"));
        Assert.Empty(store.Subscriptions());
    }

    [SkippableFact]
    public void SaveSubscription_KeepsEveryField_WhenReadBack()
    {
        var store = CreateStore();

        store.SaveSubscription(Bob);

        Assert.Equal(Bob, store.GetSubscription("sub-1"));
    }

    [SkippableFact]
    public void SaveSubscription_Replaces_WhenSameIdSavedAgain()
    {
        var store = CreateStore();
        store.SaveSubscription(Bob);
        var renewed = Bob with { ExpiresAt = T0.AddDays(6), ClientState = "rotated" };

        store.SaveSubscription(renewed);

        Assert.Equal(renewed, store.GetSubscription("sub-1"));
        Assert.Equal([renewed], store.Subscriptions());
    }

    [SkippableFact]
    public void Subscriptions_ListsSoonestExpiryFirst_FilteredByTenant()
    {
        var store = CreateStore();
        var carol = Bob with { SubscriptionId = "sub-2", Mailbox = "carol@tenant.example", ExpiresAt = T0.AddDays(1) };
        var dave = Bob with { SubscriptionId = "sub-0", Mailbox = "dave@tenant.example", ExpiresAt = T0.AddDays(1) };
        var other = Bob with { SubscriptionId = "sub-3", TenantId = "tenant-b", ExpiresAt = T0 };
        foreach (var s in new[] { Bob, carol, dave, other })
            store.SaveSubscription(s);

        Assert.Equal([other, dave, carol, Bob], store.Subscriptions());
        Assert.Equal([dave, carol, Bob], store.Subscriptions("tenant-a"));
        Assert.Empty(store.Subscriptions("tenant-z"));
    }

    [SkippableFact]
    public void DeleteSubscription_Removes_AndIgnoresMissing()
    {
        var store = CreateStore();
        store.SaveSubscription(Bob);
        store.SaveSubscription(Bob with { SubscriptionId = "sub-2" });

        store.DeleteSubscription("sub-1");
        store.DeleteSubscription("sub-1");
        store.DeleteSubscription("never-saved");

        Assert.Null(store.GetSubscription("sub-1"));
        Assert.Equal(["sub-2"], store.Subscriptions().Select(s => s.SubscriptionId));
    }

    [SkippableFact]
    public void GetDeltaLink_ReturnsNull_WhenNeverSaved()
    {
        var store = CreateStore();

        Assert.Null(store.GetDeltaLink("tenant-a", "bob@tenant.example", "inbox"));
    }

    [SkippableFact]
    public void SaveDeltaLink_Overwrites_WhenSavedAgain()
    {
        var store = CreateStore();
        store.SaveDeltaLink("tenant-a", "bob@tenant.example", "inbox", DeltaLink("first"));

        store.SaveDeltaLink("tenant-a", "bob@tenant.example", "inbox", DeltaLink("second"));

        Assert.Equal(DeltaLink("second"), store.GetDeltaLink("tenant-a", "bob@tenant.example", "inbox"));
    }

    [SkippableFact]
    public void SaveDeltaLink_KeepsFoldersMailboxesAndTenantsApart()
    {
        var store = CreateStore();

        store.SaveDeltaLink("tenant-a", "bob@tenant.example", "inbox", DeltaLink("a-bob-inbox"));
        store.SaveDeltaLink("tenant-a", "bob@tenant.example", "junkemail", DeltaLink("a-bob-junk"));
        store.SaveDeltaLink("tenant-a", "carol@tenant.example", "inbox", DeltaLink("a-carol-inbox"));
        store.SaveDeltaLink("tenant-b", "bob@tenant.example", "inbox", DeltaLink("b-bob-inbox"));

        Assert.Equal(DeltaLink("a-bob-inbox"), store.GetDeltaLink("tenant-a", "bob@tenant.example", "inbox"));
        Assert.Equal(DeltaLink("a-bob-junk"), store.GetDeltaLink("tenant-a", "bob@tenant.example", "junkemail"));
        Assert.Equal(DeltaLink("a-carol-inbox"), store.GetDeltaLink("tenant-a", "carol@tenant.example", "inbox"));
        Assert.Equal(DeltaLink("b-bob-inbox"), store.GetDeltaLink("tenant-b", "bob@tenant.example", "inbox"));
    }

    [SkippableTheory]
    [InlineData("")]
    [InlineData(" ")]
    public void SaveDeltaLink_Throws_WhenLinkIsBlank(string link)
    {
        var store = CreateStore();

        Assert.Throws<ArgumentException>(() => store.SaveDeltaLink("tenant-a", "bob@tenant.example", "inbox", link));
    }

    [SkippableFact]
    public void DeleteTenant_RemovesSubscriptionsAndDeltaLinksOfThatTenantOnly()
    {
        var store = CreateStore();
        store.SaveSubscription(Bob);
        store.SaveSubscription(Bob with { SubscriptionId = "sub-2", TenantId = "tenant-b" });
        store.SaveDeltaLink("tenant-a", "bob@tenant.example", "inbox", DeltaLink("a"));
        store.SaveDeltaLink("tenant-b", "bob@tenant.example", "inbox", DeltaLink("b"));

        store.DeleteTenant("tenant-a");

        Assert.Equal("sub-2", Assert.Single(store.Subscriptions()).SubscriptionId);
        Assert.Null(store.GetDeltaLink("tenant-a", "bob@tenant.example", "inbox"));
        Assert.Equal(DeltaLink("b"), store.GetDeltaLink("tenant-b", "bob@tenant.example", "inbox"));
    }

    [SkippableFact]
    public void GetBaselineProgress_ReturnsEmpty_WhenNeverSaved()
    {
        var store = CreateStore();

        Assert.Empty(store.GetBaselineProgress("tenant-a", "bob@tenant.example"));
    }

    [SkippableFact]
    public void SaveBaselineProgress_KeepsEveryField_WhenReadBack()
    {
        var store = CreateStore();
        var progress = new BaselineProgress("tenant-a", "bob@tenant.example", "inbox", T0.AddDays(-90), T0, T0.AddHours(-2),
            ["AAMkAD-1", "AAMkAD-2"], 150, 3, false, T0);

        store.SaveBaselineProgress(progress);

        Assert.Equal(progress, Assert.Single(store.GetBaselineProgress("tenant-a", "bob@tenant.example")));
    }

    [SkippableFact]
    public void SaveBaselineProgress_KeepsAStartedFolder_WithNoBoundaryYet()
    {
        var store = CreateStore();
        var started = BaselineProgress.Start("tenant-a", "bob@tenant.example", "sentitems", T0.AddDays(-90), T0);

        store.SaveBaselineProgress(started);

        var read = Assert.Single(store.GetBaselineProgress("tenant-a", "bob@tenant.example"));
        Assert.Equal(started, read);
        Assert.Null(read.Boundary);
        Assert.Empty(read.IdsAtBoundary);
        Assert.Equal(T0.AddDays(-90), read.ResumeFrom);
    }

    [SkippableFact]
    public void SaveBaselineProgress_Replaces_WhenTheFolderMovesOn()
    {
        var store = CreateStore();
        var first = new BaselineProgress("tenant-a", "bob@tenant.example", "inbox", T0.AddDays(-90), T0, T0.AddDays(-80),
            ["id-50"], 50, 1, false, T0);
        store.SaveBaselineProgress(first);
        var done = first with { Boundary = T0.AddDays(-1), IdsAtBoundary = ["id-120", "id-121"], Learned = 121, Pages = 3,
            Completed = true, UpdatedAt = T0.AddMinutes(1) };

        store.SaveBaselineProgress(done);

        Assert.Equal(done, Assert.Single(store.GetBaselineProgress("tenant-a", "bob@tenant.example")));
    }

    [SkippableFact]
    public void SaveBaselineProgress_KeepsFoldersMailboxesAndTenantsApart()
    {
        var store = CreateStore();
        BaselineProgress P(string tenant, string mailbox, string folder, long learned) =>
            new(tenant, mailbox, folder, T0.AddDays(-90), T0, T0, [$"{tenant}-{mailbox}-{folder}"], learned, 1, false, T0);

        store.SaveBaselineProgress(P("tenant-a", "bob@tenant.example", "sentitems", 1));
        store.SaveBaselineProgress(P("tenant-a", "bob@tenant.example", "inbox", 2));
        store.SaveBaselineProgress(P("tenant-a", "carol@tenant.example", "inbox", 3));
        store.SaveBaselineProgress(P("tenant-b", "bob@tenant.example", "inbox", 4));

        Assert.Equal([2L, 1L], store.GetBaselineProgress("tenant-a", "bob@tenant.example").Select(p => p.Learned));
        Assert.Equal(["inbox", "sentitems"], store.GetBaselineProgress("tenant-a", "bob@tenant.example").Select(p => p.Folder));
        Assert.Equal(3, Assert.Single(store.GetBaselineProgress("tenant-a", "carol@tenant.example")).Learned);
        Assert.Equal(4, Assert.Single(store.GetBaselineProgress("tenant-b", "bob@tenant.example")).Learned);
    }

    /// <summary>A delta link of realistic length (Graph's state tokens run to a kilobyte and more).</summary>
    protected static string DeltaLink(string marker) =>
        $"https://graph.microsoft.com/v1.0/users/bob/mailFolders/inbox/messages/delta?$deltatoken={marker}-{new string('x', 1500)}";
}
