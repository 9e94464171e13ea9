using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.Tests.Operations;

/// <summary>What every <see cref="IPhishReportStore"/> must do. A provider's test class says only how to open a fresh
/// store.</summary>
public abstract class PhishReportStoreContract : StoreContract
{
    /// <summary>A new, empty store.</summary>
    protected abstract IPhishReportStore CreateStore();

    private static PhishReport Report(string id, string reportKey, DateTimeOffset at, string tenant = "tenant-a") =>
        new(id, tenant, reportKey, "bob@tenant.example", true, at, "phish-1@evil.example", "it@evil.example",
            "Password expires <today>", ["https://login.evil.example/a?b=1", "https://cdn.example.net/logo.png"],
            "no attached message: the report's own body was read as an inline forward");

    private static void AssertSame(PhishReport expected, PhishReport? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Links = [], HuntIds = [] }, actual with { Links = [], HuntIds = [] });
        Assert.Equal(expected.Links, actual.Links);
        Assert.Equal(expected.HuntIds, actual.HuntIds);
    }

    [SkippableFact]
    public void Record_KeepsEveryField_AndTheReportIsOpen()
    {
        var store = CreateStore();
        var report = Report("p1", "report-1@tenant.example", T0);

        var (kept, recorded) = store.Record(report);

        Assert.True(recorded);
        AssertSame(report, kept);
        AssertSame(report, store.Get("p1"));
        Assert.Equal(PhishReportState.Open, store.Get("p1")!.State);
        Assert.Null(store.Get("p1")!.Label);
    }

    [SkippableFact]
    public void Record_ReturnsTheFirstReportAndRecordsNothing_WhenTheSameReportMessageComesAgain()
    {
        var store = CreateStore();
        var first = Report("p1", "report-1@tenant.example", T0);
        store.Record(first);

        var (kept, recorded) = store.Record(Report("p2", "report-1@tenant.example", T0.AddMinutes(1)));

        Assert.False(recorded);
        AssertSame(first, kept);
        Assert.Null(store.Get("p2"));
        Assert.Single(store.Recent(10));
    }

    [SkippableFact]
    public void Record_KeepsTheSameReportMessageApart_InAnotherTenant()
    {
        var store = CreateStore();
        store.Record(Report("p1", "report-1@x", T0));

        var (_, recorded) = store.Record(Report("p2", "report-1@x", T0, tenant: "tenant-b"));

        Assert.True(recorded);
        Assert.Equal(2, store.Recent(10).Count);
    }

    [SkippableFact]
    public void Recent_ListsNewestFirst_UpToTheLimit()
    {
        var store = CreateStore();
        for (var i = 1; i <= 3; i++)
            store.Record(Report($"p{i}", $"report-{i}@x", T0.AddMinutes(i)));

        Assert.Equal(["p3", "p2"], store.Recent(2).Select(r => r.Id));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.Recent(0));
    }

    [SkippableFact]
    public void Decide_ConfirmsWithItsHunts_AndASecondDecisionChangesNothing()
    {
        var store = CreateStore();
        store.Record(Report("p1", "report-1@x", T0));

        var confirmed = store.Decide("p1", PhishReportState.Confirmed, "analyst@tenant.example", T0.AddHours(1), "kit seen before", ["h1", "h2"]);
        var again = store.Decide("p1", PhishReportState.Dismissed, "other@tenant.example", T0.AddHours(2), "no", []);

        Assert.True(confirmed);
        Assert.False(again);
        var decided = store.Get("p1")!;
        Assert.Equal((PhishReportState.Confirmed, "analyst@tenant.example", T0.AddHours(1), "kit seen before", "phish"),
            (decided.State, decided.DecidedBy, decided.DecidedAt, decided.DecisionReason, decided.Label));
        Assert.Equal(["h1", "h2"], decided.HuntIds);
    }

    [SkippableFact]
    public void Decide_DismissesWithAReason_LabelledBenign_AndRefusesOpenOrUnknown()
    {
        var store = CreateStore();
        store.Record(Report("p1", "report-1@x", T0));

        Assert.False(store.Decide("nope", PhishReportState.Dismissed, "a", T0, "r", []));
        Assert.Throws<ArgumentException>(() => store.Decide("p1", PhishReportState.Open, "a", T0, null, []));
        Assert.True(store.Decide("p1", PhishReportState.Dismissed, "analyst@tenant.example", T0, "a newsletter", []));
        Assert.Equal(("benign", "a newsletter"), (store.Get("p1")!.Label, store.Get("p1")!.DecisionReason));
        Assert.Empty(store.Get("p1")!.HuntIds);
    }

    [SkippableFact]
    public void DeleteTenant_RemovesOnlyThatTenantsReports()
    {
        var store = CreateStore();
        store.Record(Report("p1", "r1", T0));
        store.Record(Report("p2", "r2", T0));
        store.Record(Report("p3", "r1", T0, tenant: "tenant-b"));

        Assert.Equal(2, store.DeleteTenant("tenant-a"));
        Assert.Equal(["p3"], store.Recent(10).Select(r => r.Id));
    }

    [SkippableFact]
    public void Record_RefusesADecidedReport()
    {
        var store = CreateStore();

        Assert.Throws<ArgumentException>(() => store.Record(Report("p1", "r1", T0) with { State = PhishReportState.Confirmed }));
    }
}
