using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.Tests.Operations;

/// <summary>What every <see cref="IHuntStore"/> must do. A provider's test class says only how to open a fresh store.</summary>
public abstract class HuntStoreContract : StoreContract
{
    private static readonly HuntReport Queued = new("hunt-1", HuntKind.Ioc, "domain:evil.example", "tenant-a", 720, true, "api",
        HuntState.Queued, T0);

    protected abstract IHuntStore CreateStore();

    [SkippableFact]
    public void Get_ReturnsNull_WhenMissing()
    {
        var store = CreateStore();

        Assert.Null(store.Get("hunt-1"));
        Assert.Empty(store.Recent(10));
        Assert.Null(store.Latest("domain:evil.example", "api"));
        Assert.Empty(store.HuntedIndicators());
    }

    [SkippableFact]
    public void Save_KeepsEveryField_WhenReadBack()
    {
        var store = CreateStore();
        var finished = Finished(Queued);

        store.Save(finished);

        AssertSame(finished, store.Get("hunt-1"));
    }

    [SkippableFact]
    public void Save_Replaces_WhenSameIdSavedAgain()
    {
        var store = CreateStore();
        store.Save(Queued);

        store.Save(Finished(Queued));

        AssertSame(Finished(Queued), store.Get("hunt-1"));
        Assert.Single(store.Recent(10));
    }

    [SkippableFact]
    public void Save_KeepsNulls_WhenRetroHuntOfEveryTenant()
    {
        var store = CreateStore();
        var retro = new HuntReport("hunt-2", HuntKind.Retro, null, null, 48, false, "schedule", HuntState.Running, T0);

        store.Save(retro);

        AssertSame(retro, store.Get("hunt-2"));
    }

    [SkippableFact]
    public void Recent_ListsNewestFirst_UpToLimit()
    {
        var store = CreateStore();
        store.Save(Queued with { Id = "a", CreatedAt = T0 });
        store.Save(Queued with { Id = "b", CreatedAt = T0.AddMinutes(2) });
        store.Save(Queued with { Id = "c", CreatedAt = T0.AddMinutes(1) });
        store.Save(Queued with { Id = "d", CreatedAt = T0.AddMinutes(2) });

        Assert.Equal(["d", "b", "c", "a"], store.Recent(10).Select(r => r.Id));
        Assert.Equal(["d", "b"], store.Recent(2).Select(r => r.Id));
    }

    [SkippableFact]
    public void Latest_FindsNewestIocHunt_OfThatIndicatorAndSource()
    {
        var store = CreateStore();
        store.Save(Queued with { Id = "old", Source = "feed" });
        store.Save(Queued with { Id = "new", Source = "feed", CreatedAt = T0.AddHours(1) });
        store.Save(Queued with { Id = "api", Source = "api", CreatedAt = T0.AddHours(2) });
        store.Save(Queued with { Id = "other", Indicator = "domain:other.example", Source = "feed", CreatedAt = T0.AddHours(3) });

        Assert.Equal("new", store.Latest("domain:evil.example", "feed")?.Id);
        Assert.Equal("api", store.Latest("domain:evil.example", "api")?.Id);
        Assert.Null(store.Latest("domain:evil.example", "cli"));
    }

    [SkippableFact]
    public void HuntedIndicators_ListsCompletedIocHuntsOnce()
    {
        var store = CreateStore();
        store.Save(Queued with { Id = "1", Indicator = "domain:b.example", State = HuntState.Completed });
        store.Save(Queued with { Id = "2", Indicator = "domain:b.example", State = HuntState.Completed });
        store.Save(Queued with { Id = "3", Indicator = "sender:@a.example", State = HuntState.Completed });
        store.Save(Queued with { Id = "4", Indicator = "domain:queued.example" });
        store.Save(Queued with { Id = "5", Indicator = "domain:failed.example", State = HuntState.Failed });
        store.Save(new HuntReport("6", HuntKind.Retro, null, null, 48, true, "schedule", HuntState.Completed, T0));

        Assert.Equal(["domain:b.example", "sender:@a.example"], store.HuntedIndicators());
    }

    private static HuntReport Finished(HuntReport queued) => queued with
    {
        RequestedBy = "alice@contoso.example",
        State = HuntState.Completed,
        StartedAt = T0.AddSeconds(1),
        FinishedAt = T0.AddSeconds(31),
        MailboxesExamined = 2,
        MessagesExamined = 140,
        ActedOn = 1,
        Matches =
        [
            new HuntMatch("tenant-a", "bob@tenant.example", "AAMk1", "m1@evil.example", "Invoice", "x@evil.example",
                "domain:evil.example in attachment:invoice.pdf/page 1", "quarantine", 17),
            new HuntMatch("tenant-a", "carol@tenant.example", "AAMk2", null, null, null, "domain:evil.example in body", "report"),
        ],
        Errors = ["dave@tenant.example: 403 Forbidden"],
    };

    private static void AssertSame(HuntReport expected, HuntReport? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Matches = [], Errors = [] }, actual with { Matches = [], Errors = [] });
        Assert.Equal(expected.Matches, actual.Matches);
        Assert.Equal(expected.Errors, actual.Errors);
        Assert.Equal(expected.Duration, actual.Duration);
    }
}
