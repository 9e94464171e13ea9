using System.Net;
using System.Net.Http.Json;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.Tests.TestSupport;

namespace M365Scanner.Host.Tests.Security;

/// <summary>
/// No state change from another site (issue 12, item 2): a page on another site makes the admin's browser post to
/// the admin API, the hunts API and the dashboard with the Basic login the browser remembers. Each forgery is refused
/// and leaves the stores as they were; the host's own pages, API clients with a key and Graph still get through.
/// </summary>
public class CrossSiteRequestTests(QuarantinedPhishHost fixture) : IClassFixture<QuarantinedPhishHost>
{
    private const string Quarantine = "M365Scanner Quarantine";
    private ScannerEnvironment Env => fixture.Env;

    [Fact]
    public async Task Release_FromAnotherSite_IsRefused_AndTheMessageStaysInQuarantine()
    {
        using var http = Client();
        var auditBefore = Env.Audit.Query(Env.TenantId).Count;

        var response = await http.SendAsync(BrowserRequests.CrossSite($"/api/admin/release/{fixture.Quarantine.Id}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Single(Env.InFolder(Quarantine, "forgery-target@phish.example"));
        Assert.Empty(Env.InFolder("Inbox", "forgery-target@phish.example"));
        Assert.Equal(auditBefore, Env.Audit.Query(Env.TenantId).Count);
        Assert.DoesNotContain(Env.Audit.Query(Env.TenantId), e => e.Action == AuditAction.Release);
    }

    [Fact]
    public async Task Offboard_FromAnotherSite_IsRefused_AndNoOffboardingIsQueued()
    {
        using var http = Client();

        var response = await http.SendAsync(BrowserRequests.CrossSite($"/api/admin/tenants/{Env.TenantId}/offboard"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(AllJobs(), j => j == "OffboardAsync");
    }

    [Theory]
    [InlineData(BrowserRequests.ForeignOrigin, "cross-site")]
    [InlineData(BrowserRequests.ForeignOrigin, null)] // a browser without Fetch Metadata: Origin alone decides
    [InlineData(null, "cross-site")] // Origin stripped (a privacy extension): Fetch Metadata alone decides
    [InlineData("null", null)] // a sandboxed frame or a file: page
    [InlineData("https://sub.127.0.0.1.attacker.example", "same-site")]
    public async Task IocHunt_FromAnotherSite_IsRefused_AndNoHuntStarts(string? origin, string? fetchSite)
    {
        using var http = Client();
        var auditBefore = Env.Audit.Query(Env.TenantId).Count;

        var response = await http.SendAsync(BrowserRequests.Post("/api/admin/hunts",
            JsonContent.Create(new { domain = "phish.example", act = true }), origin, fetchSite));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(fixture.Hunts.Recent(500), h => h.Indicator == "domain:phish.example");
        Assert.Equal(auditBefore, Env.Audit.Query(Env.TenantId).Count);
    }

    [Fact]
    public async Task RetroHunt_FromAnotherSite_IsRefused_AndNoHuntStarts()
    {
        using var http = Client();
        var before = fixture.Hunts.Recent(500).Count(h => h.Kind == HuntKind.Retro);

        var response = await http.SendAsync(BrowserRequests.CrossSite("/api/admin/hunts/retro", JsonContent.Create(new { hours = 1 })));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, fixture.Hunts.Recent(500).Count(h => h.Kind == HuntKind.Retro));
    }

    [Fact]
    public async Task DashboardJobDelete_FromAnotherSite_IsRefused_AndTheJobStays()
    {
        var job = fixture.ScheduledJob();
        using var http = Client();

        var response = await http.SendAsync(BrowserRequests.CrossSite($"/hangfire/jobs/actions/delete/{job}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Scheduled", fixture.JobState(job));
    }

    [Fact]
    public async Task DashboardRecurringTrigger_FromAnotherSite_IsRefused_AndNothingRuns()
    {
        var recurring = fixture.RecurringJob();
        using var http = Client();

        var response = await http.SendAsync(BrowserRequests.CrossSite("/hangfire/recurring/trigger", BrowserRequests.Form(("jobs[]", recurring))));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(fixture.LastRunOf(recurring));
    }

    [Fact]
    public async Task DashboardJobDelete_FromItsOwnPage_Works()
    {
        var job = fixture.ScheduledJob();
        using var http = Client();
        var request = BrowserRequests.SameOrigin(Env.BaseUrl, $"/hangfire/jobs/actions/delete/{job}");
        await DashboardPage.AddTokenAsync(http, request);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("Deleted", fixture.JobState(job));
    }

    [Fact]
    public async Task DashboardRecurringTrigger_FromItsOwnPage_Works()
    {
        var recurring = fixture.RecurringJob();
        using var http = Client();
        var request = BrowserRequests.SameOrigin(Env.BaseUrl, "/hangfire/recurring/trigger", BrowserRequests.Form(("jobs[]", recurring)));
        await DashboardPage.AddTokenAsync(http, request);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.NotNull(fixture.LastRunOf(recurring));
    }

    /// <summary>Same origin is not enough for the dashboard: its commands also need the antiforgery token its own page
    /// carries, which no other page can read.</summary>
    [Fact]
    public async Task DashboardJobDelete_WithoutTheDashboardPagesToken_IsRefused()
    {
        var job = fixture.ScheduledJob();
        using var http = Client();

        var response = await http.SendAsync(BrowserRequests.SameOrigin(Env.BaseUrl, $"/hangfire/jobs/actions/delete/{job}"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Scheduled", fixture.JobState(job));
    }

    [Fact]
    public async Task Hunt_FromTheHostsOwnOrigin_Starts()
    {
        using var http = Client();

        var response = await http.SendAsync(BrowserRequests.SameOrigin(Env.BaseUrl, "/api/admin/hunts",
            JsonContent.Create(new { domain = "same-origin.example", act = false })));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains(fixture.Hunts.Recent(500), h => h.Indicator == "domain:same-origin.example");
    }

    [Fact]
    public async Task Hunt_FromAnApiClientWithItsKeyAndNoOrigin_Starts()
    {
        // What the CLI's hunt and release send: the key header, no Origin, no Fetch Metadata.
        using var admin = Env.AdminClient();

        var response = await admin.PostAsJsonAsync("/api/admin/hunts", new { domain = "api-client.example", act = false });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains(fixture.Hunts.Recent(500), h => h.Indicator == "domain:api-client.example");
    }

    [Fact]
    public async Task ReadOnlyRequests_FromAnotherSite_AreNotRefused()
    {
        // A link to the dashboard or a report from another site (a ticket, a chat) must still open.
        using var http = Client();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/hunts");
        request.Headers.Add("X-Api-Key", ScannerTenant.AdminKey);
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task GraphNotifications_StillReachTheHost()
    {
        // The emulator posts notifications as Graph does (server to server, no Origin): a delivery still gets its verdict.
        Env.Deliver(ScannerEnvironment.ExternalPhish("after-guards@phish.example"));
        Assert.Equal(MessageAction.Quarantine, (await Env.VerdictForAsync("after-guards@phish.example")).Action);
        // And the validation handshake Graph makes when a subscription is created still answers its token.
        using var http = Client();
        var handshake = await http.PostAsync("/api/graph/notifications?validationToken=check-123", null);
        Assert.Equal(HttpStatusCode.OK, handshake.StatusCode);
        Assert.Equal("check-123", await handshake.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ForeignHostName_IsRefused_EvenFromItsOwnOrigin_AndNoHuntStarts()
    {
        // DNS rebinding: the attacker's name now resolves to this host, so to the browser the page and the host share
        // one origin, and Origin and Sec-Fetch-Site say "same". Only the Host header tells.
        using var http = Client();
        var port = new Uri(Env.BaseUrl).Port;
        var request = BrowserRequests.Post("/api/admin/hunts", JsonContent.Create(new { domain = "rebound.example" }),
            $"http://rebind.attacker.example:{port}", "same-origin");
        request.Headers.Host = $"rebind.attacker.example:{port}";

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(fixture.Hunts.Recent(500), h => h.Indicator == "domain:rebound.example");
        var read = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        read.Headers.Host = "rebind.attacker.example";
        read.Headers.Add("X-Api-Key", ScannerTenant.AdminKey);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(read)).StatusCode);
    }

    [Fact]
    public async Task Probes_AnswerWhateverHostTheyName()
    {
        // Orchestrators and load balancers probe an instance by its IP or container name.
        using var http = Client();
        var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = "10.1.2.3:8080";

        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
    }

    private HttpClient Client() => new(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = new Uri(Env.BaseUrl) };

    private IEnumerable<string> AllJobs()
    {
        var monitoring = fixture.Jobs.GetMonitoringApi();
        return monitoring.EnqueuedJobs("maintenance", 0, 1000).Select(j => j.Value.Job?.Method.Name)
            .Concat(monitoring.ProcessingJobs(0, 1000).Select(j => j.Value.Job?.Method.Name))
            .Concat(monitoring.SucceededJobs(0, 1000).Select(j => j.Value.Job?.Method.Name))
            .Concat(monitoring.FailedJobs(0, 1000).Select(j => j.Value.Job?.Method.Name))
            .OfType<string>();
    }
}
