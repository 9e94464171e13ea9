using System.Net;
using System.Text;
using Hangfire;
using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.AnalystConsole;
using M365Scanner.Host.Reporting;
using M365Scanner.Host.Tenants;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static M365Scanner.Host.Tests.Reporting.ReportedMessages;

namespace M365Scanner.Host.Tests.Reporting;

/// <summary>A user reports a phish to the tenant's reporting mailbox, over real HTTP with the emulator: the worker takes
/// the report in (never scanning or learning the reporting mailbox), the console shows it with the scanner's own
/// verdict on the original, and an analyst's confirmation starts hunts for its indicators that find the same phish
/// elsewhere. Report-only policy, so the phish stays where users can report it.</summary>
public sealed class PhishReportFlowTests : IAsyncLifetime
{
    private const string PhishId = "phish-1@micros0ft-support.xyz";
    private const string ReportId = "report-1@contoso.example";
    private ScannerEnvironment _env = null!;

    public async Task InitializeAsync() =>
        _env = await ScannerEnvironment.StartAsync(policyMode: "ReportOnly", otherMailboxes: [Alice], reportingMailbox: ReportingMailbox);

    public async Task DisposeAsync() => await _env.DisposeAsync();

    private IPhishReportStore Reports => _env.Host.Services.GetRequiredService<IPhishReportStore>();
    private IHuntStore Hunts => _env.Host.Services.GetRequiredService<IHuntStore>();

    /// <summary>The phish reaches Bob and Alice (each scanned), then Bob reports it; returns Bob's verdict on it.</summary>
    private async Task<(VerdictRecord Verdict, string ReportGraphId, PhishReport Report)> BobReportsThePhishAsync()
    {
        var phish = Phish(PhishId, ScannerEnvironment.Mailbox);
        _env.Deliver(phish);
        _env.Deliver(Phish(PhishId, Alice), Alice);
        var verdict = await _env.VerdictForAsync(PhishId);
        await _env.VerdictForAsync(PhishId, Alice);
        var graphId = _env.Deliver(Report(ReportId, ScannerEnvironment.Mailbox, phish), ReportingMailbox);
        var report = await Eventually.Until(() => Reports.Recent(10).SingleOrDefault(), $"the report to be taken in; failed jobs: {_env.FailedJobs()}");
        return (verdict, graphId, report);
    }

    [Fact]
    public async Task AReportedPhish_ShowsTheScannersVerdict_AndStartsAHuntAfterConfirmation_ThatFindsItInAnotherMailbox()
    {
        var (verdict, _, report) = await BobReportsThePhishAsync();
        Assert.Equal((ScannerEnvironment.Mailbox, true, PhishId, PhishSender, "Password expires today"),
            (report.Reporter, report.ReporterVerified, report.OriginalMessageId, report.OriginalSender, report.OriginalSubject));
        Assert.Contains(report.Links, l => l.StartsWith("https://login.micros0ft-support.xyz/verify", StringComparison.Ordinal));

        using var analyst = new ConsoleBrowser(_env);
        var page = await analyst.SignInAsync(ScannerTenant.ConsoleUser("Analyst"), ConsolePaths.Reports);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(PhishSender, page.Html);
        Assert.Contains("Password expires today", page.Html);
        Assert.Contains($"<a href=\"{WebUtility.HtmlEncode(ConsolePaths.MessagePage(verdict.Key))}\">{StableName.Of(verdict.Action)}</a>", page.Html);
        Assert.Contains($"(score {verdict.Score:0.00})", page.Html);
        Assert.Contains("Confirm phish</button>", page.Html);

        var done = await analyst.PostAsync(ConsolePaths.DecideReport + "?handler=Confirm", page,
            new Dictionary<string, string> { ["id"] = report.Id, ["reason"] = "credential kit <seen before>" });

        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal(ConsolePaths.Reports, done.Url.AbsolutePath);
        Assert.Contains("Confirmed as phish: 2 hunt(s) started", done.Html);
        Assert.Contains("credential kit &lt;seen before&gt;", done.Html);
        var confirmed = Reports.Get(report.Id)!;
        Assert.Equal((PhishReportState.Confirmed, "phish", "analyst@contoso.example"), (confirmed.State, confirmed.Label, confirmed.DecidedBy));
        var hunts = confirmed.HuntIds.Select(id => Hunts.Get(id)!).ToList();
        Assert.Equal(["sender:" + PhishSender, "domain:" + PhishDomain], hunts.Select(h => h.Indicator));
        Assert.All(hunts, h => Assert.Equal(("analyst@contoso.example", "console", false, _env.TenantId),
            (h.RequestedBy, h.Source, h.Act, h.TenantId)));
        foreach (var id in confirmed.HuntIds)
            Assert.Contains($"href=\"{ConsolePaths.HuntPage(id)}\"", done.Html);

        var domainHunt = await Eventually.Until(() => Hunts.Get(confirmed.HuntIds[1]) is { State: HuntState.Completed } h ? h : null,
            $"the domain hunt to complete; failed jobs: {_env.FailedJobs()}");
        Assert.Contains(domainHunt.Matches, m => m.Mailbox == Alice && m.InternetMessageId?.Trim('<', '>') == PhishId);
        Assert.Contains(domainHunt.Matches, m => m.Mailbox == ScannerEnvironment.Mailbox);
        Assert.DoesNotContain(domainHunt.Matches, m => m.Mailbox == ReportingMailbox);
        Assert.All(domainHunt.Matches, m => Assert.Equal("report", m.Action));
    }

    [Fact]
    public async Task Confirming_WithAlsoBlockTheSender_AddsATenantBlockEntryInTheAnalystsName()
    {
        var (_, _, report) = await BobReportsThePhishAsync();
        using var analyst = new ConsoleBrowser(_env);
        var page = await analyst.SignInAsync(ScannerTenant.ConsoleUser("Analyst"), ConsolePaths.Reports);

        var done = await analyst.PostAsync(ConsolePaths.DecideReport + "?handler=Confirm", page,
            new Dictionary<string, string> { ["id"] = report.Id, ["reason"] = "kit", ["block"] = "true" });

        Assert.Contains("The sender is blocked for the tenant", done.Html);
        var entry = Assert.Single(_env.Host.Services.GetRequiredService<TenantPolicies>().For(_env.TenantId).Entries);
        Assert.Equal((PolicyEntryEffect.Block, PolicyEntryKind.SenderAddress, PhishSender, null, "analyst@contoso.example"),
            (entry.Effect, entry.Kind, entry.Value, entry.Mailbox, entry.AddedBy));
        Assert.Equal($"confirmed phish report {report.Id}: kit", entry.Reason);
    }

    [Fact]
    public async Task AnUnverifiedReportersReport_CannotBlockItsNamedSender_EvenWhenConfirmed()
    {
        // Anyone can mail the reporting mailbox and name anyone as the "phisher": a partner, say.
        _env.Deliver(Report(ReportId, "someone@elsewhere.example", Phish(PhishId, "someone@elsewhere.example")), ReportingMailbox);
        var report = await Eventually.Until(() => Reports.Recent(10).SingleOrDefault(), $"the report; failed jobs: {_env.FailedJobs()}");
        Assert.False(report.ReporterVerified);
        using var analyst = new ConsoleBrowser(_env);
        var page = await analyst.SignInAsync(ScannerTenant.ConsoleUser("Analyst"), ConsolePaths.Reports);

        var done = await analyst.PostAsync(ConsolePaths.DecideReport + "?handler=Confirm", page,
            new Dictionary<string, string> { ["id"] = report.Id, ["reason"] = "kit", ["block"] = "true" });

        Assert.Contains("The sender was not blocked: the report came from an unverified reporter", done.Html);
        Assert.Empty(_env.Host.Services.GetRequiredService<TenantPolicies>().For(_env.TenantId).Entries);
        Assert.Equal(PhishReportState.Confirmed, Reports.Get(report.Id)!.State);
    }

    [Fact]
    public async Task AReader_SeesTheReport_ButConfirmingIs403_AndNoHuntStarts()
    {
        var (_, _, report) = await BobReportsThePhishAsync();
        using var reader = new ConsoleBrowser(_env);
        var page = await reader.SignInAsync(ScannerTenant.ConsoleUser("Reader"), ConsolePaths.Reports);
        Assert.Contains(PhishSender, page.Html);
        Assert.DoesNotContain("Confirm phish", page.Html);

        var refused = await reader.PostAsync(ConsolePaths.DecideReport + "?handler=Confirm", page, new Dictionary<string, string> { ["id"] = report.Id });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(PhishReportState.Open, Reports.Get(report.Id)!.State);
        Assert.Empty(Hunts.Recent(10));
    }

    [Fact]
    public async Task NotPhish_NeedsAReason_AndRecordsTheReportBenignWithoutAHunt()
    {
        var (_, _, report) = await BobReportsThePhishAsync();
        using var analyst = new ConsoleBrowser(_env);
        var page = await analyst.SignInAsync(ScannerTenant.ConsoleUser("Analyst"), ConsolePaths.Reports);

        var unexplained = await analyst.PostAsync(ConsolePaths.DecideReport + "?handler=Dismiss", page, new Dictionary<string, string> { ["id"] = report.Id, ["reason"] = " " });
        var dismissed = await analyst.PostAsync(ConsolePaths.DecideReport + "?handler=Dismiss", page,
            new Dictionary<string, string> { ["id"] = report.Id, ["reason"] = "the IT desk's real reminder" });
        var late = await analyst.PostAsync(ConsolePaths.DecideReport + "?handler=Confirm", page, new Dictionary<string, string> { ["id"] = report.Id });

        Assert.Equal(HttpStatusCode.BadRequest, unexplained.Status);
        Assert.Contains("Not decided: a reason is required", unexplained.Html);
        Assert.Contains("Dismissed: recorded as not phish", dismissed.Html);
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Contains("already answered (dismissed by analyst@contoso.example)", late.Html);
        var decided = Reports.Get(report.Id)!;
        Assert.Equal((PhishReportState.Dismissed, "benign", "the IT desk's real reminder"), (decided.State, decided.Label, decided.DecisionReason));
        Assert.Empty(decided.HuntIds);
        Assert.Empty(Hunts.Recent(10));
    }

    [Fact]
    public async Task TheReportingMailbox_IsNeitherScannedNorLearned()
    {
        await BobReportsThePhishAsync();
        await Eventually.True(() => SucceededIntakes().Count >= 1, "the intake job to finish");

        Assert.Null(_env.Verdicts.Get(new MessageKey(_env.TenantId, ReportingMailbox, ReportId)));
        Assert.Empty(_env.Verdicts.Query(new VerdictQuery(_env.TenantId, ReportingMailbox)));
        Assert.Empty(_env.State().GetBaselineProgress(_env.TenantId, ReportingMailbox));
        Assert.Single(_env.InFolder("Inbox", ReportId, ReportingMailbox));
        var graph = _env.Host.Services.GetRequiredService<TenantScanners>().For(_env.TenantId).Graph.Store;
        Assert.Empty(graph.Read([new EdgeKey(EdgeKind.ReceivedFrom, ReportingMailbox, ScannerEnvironment.Mailbox)]));
    }

    [Fact]
    public async Task ADuplicateNotification_RecordsNoSecondReport()
    {
        var (_, graphId, report) = await BobReportsThePhishAsync();
        var subscription = _env.State().Subscriptions(_env.TenantId).Single(s => s.Mailbox == ReportingMailbox);
        var body = $$$"""{"value":[{"subscriptionId":"{{{subscription.SubscriptionId}}}","clientState":"{{{subscription.ClientState}}}","tenantId":"{{{_env.TenantId}}}","changeType":"created","resource":"Users/{{{ReportingMailbox}}}/Messages/{{{graphId}}}","resourceData":{"id":"{{{graphId}}}"}}]}""";
        using var http = new HttpClient();
        var before = SucceededIntakes().Count(id => id == graphId);

        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Accepted,
                (await http.PostAsync(_env.BaseUrl + "/api/graph/notifications", new StringContent(body, Encoding.UTF8, "application/json"))).StatusCode);

        await Eventually.True(() => SucceededIntakes().Count(id => id == graphId) >= before + 2, $"both duplicates to be taken in; failed jobs: {_env.FailedJobs()}");
        Assert.Equal(report.Id, Assert.Single(Reports.Recent(10)).Id);
    }

    [Fact]
    public async Task AnUnreadableReport_IsRecordedWithANote_AndTheNextReportIsStillTakenIn()
    {
        _env.Deliver(UnreadableReport("hostile-1@contoso.example", ScannerEnvironment.Mailbox), ReportingMailbox);
        var hostile = await Eventually.Until(() => Reports.Recent(10).SingleOrDefault(), $"the hostile report; failed jobs: {_env.FailedJobs()}");

        Assert.Contains("unreadable", hostile.Notes);
        Assert.Null(hostile.OriginalMessageId);
        Assert.Empty(hostile.Links);

        _env.Deliver(Report(ReportId, "someone@elsewhere.example", Phish(PhishId, "someone@elsewhere.example")), ReportingMailbox);
        var next = await Eventually.Until(() => Reports.Recent(10) is { Count: 2 } all ? all[0] : null, "the next report");
        Assert.Equal((false, PhishId), (next.ReporterVerified, next.OriginalMessageId));
        Assert.StartsWith("unverified reporter", next.Notes);
        Assert.Null(next.OriginalKey);

        using var analyst = new ConsoleBrowser(_env);
        var page = await analyst.SignInAsync(ScannerTenant.ConsoleUser("Analyst"), ConsolePaths.Reports);
        Assert.Contains("unverified reporter", page.Html);
        Assert.Contains("not scanned", page.Html);
        Assert.Contains("unreadable: the attached message (reported.eml) could not be read", page.Html);
    }

    /// <summary>The Graph ids of the intake jobs that have completed.</summary>
    private List<string> SucceededIntakes() => _env.Host.Services.GetRequiredService<JobStorage>().GetMonitoringApi().SucceededJobs(0, 200)
        .Where(j => j.Value.Job?.Type == typeof(ReportIntakeJob)).Select(j => (string)j.Value.Job!.Args[2]).ToList();
}
