using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.AnalystConsole;
using M365Scanner.Host.Scanning;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.AnalystConsole;

/// <summary>The console's hunts over HTTP, as a browser without script uses them: the list, a report-only preview
/// composed by an analyst, acting on its matches, and the server refusing a reader.</summary>
public sealed class ConsoleHuntsTests(ConsoleEnvironment shared) : IClassFixture<ConsoleEnvironment>
{
    private const string Quarantine = "M365Scanner Quarantine";
    private const string EvilUrl = "https://secure-docs.evilhost.xyz/4JEcfT25549iCYf310zjlcedhsms3764";

    [Fact]
    public async Task HuntsList_ShowsAHuntStartedThroughTheApi_AndOffersAReaderNoForm()
    {
        var env = shared.Env;
        using var admin = env.AdminClient();
        var started = await admin.PostAsJsonAsync("/api/admin/hunts", new { domain = "listed-hunt.example", days = 2 });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var huntId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var browser = new ConsoleBrowser(env);

        var page = await browser.SignInAsync(ScannerTenant.ConsoleUser("Reader"), ConsolePaths.Hunts);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<h1>Hunts</h1>", page.Html);
        var row = Row(page.Html, ConsolePaths.HuntPage(huntId));
        Assert.Contains("domain:listed-hunt.example", row);
        Assert.Contains("2 day(s)", row);
        Assert.Contains("<td>act</td>", row);
        Assert.Contains("<td>test admin (api)</td>", row);
        Assert.DoesNotContain("Preview (report only)", page.Html);
        var report = await browser.GetAsync(ConsolePaths.HuntPage(huntId));
        Assert.Equal(HttpStatusCode.OK, report.Status);
        Assert.Contains("domain:listed-hunt.example", report.Html);
    }

    [Fact]
    public async Task AReaderPostingAHuntWithAValidToken_Gets403_AndNoHuntStarts()
    {
        var env = shared.Env;
        using var browser = new ConsoleBrowser(env);
        var hunts = await browser.SignInAsync(ScannerTenant.ConsoleUser("Reader"), ConsolePaths.Hunts);

        var refused = await browser.PostAsync("/console/hunts/new?handler=Ioc", hunts, new Dictionary<string, string>
        {
            ["IndicatorType"] = "domain", ["Indicator"] = "reader-hunt.example", ["Tenant"] = env.TenantId, ["Days"] = "1",
        });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("Analyst or Admin", refused.Html);
        Assert.DoesNotContain(Hunts(env).Recent(500), h => h.Indicator == "domain:reader-hunt.example");
    }

    [Fact]
    public async Task APreviewOfAPublicSuffix_ShowsTheApisProblem_AndStartsNothing()
    {
        var env = shared.Env;
        using var browser = new ConsoleBrowser(env);
        var hunts = await browser.SignInAsync(ScannerTenant.ConsoleUser("Analyst"), ConsolePaths.Hunts);
        Assert.Contains("Preview (report only)", hunts.Html);

        var refused = await browser.PostAsync("/console/hunts/new?handler=Ioc", hunts, new Dictionary<string, string>
        {
            ["IndicatorType"] = "domain", ["Indicator"] = "co.uk", ["Tenant"] = "", ["Days"] = "1",
        });
        var badWindow = await browser.PostAsync("/console/hunts/new?handler=Retro", hunts, new Dictionary<string, string>
        {
            ["Hours"] = "0", ["RetroTenant"] = "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("&#x27;co.uk&#x27; is a public suffix, not a domain anyone registered", refused.Html);
        Assert.Contains("value=\"co.uk\"", refused.Html);
        Assert.Equal(HttpStatusCode.BadRequest, badWindow.Status);
        Assert.Contains($"hours must be 1-{M365Scanner.Host.Hunts.HuntOrder.MaxHours}", badWindow.Html);
        // Other tests share the host and the hourly retro-hunt may fire: no hunt from the console is the check.
        Assert.DoesNotContain(Hunts(env).Recent(500), h => h.Source == ConsoleHunts.Source);
    }

    /// <summary>The tenant rolled out report-only, so a flagged message stayed in the inbox; now enforcing, an analyst
    /// hunts its link's domain: the preview reports it and moves nothing, acting on it quarantines it.</summary>
    [Fact]
    public async Task AnAnalystPreviewsAnIocHunt_WhichMovesNothing_ThenActsOnItsMatches()
    {
        // The hourly retro-hunt would act on the message too once the tenant enforces: keep it to once a year.
        await using var env = await ScannerEnvironment.StartAsync("Enforce",
            settings: new Dictionary<string, string?> { ["Scanner:RetroHuntCron"] = "0 0 1 1 *" });
        using var admin = env.AdminClient();
        var policy = $"/api/admin/tenants/{env.TenantId}/policy";
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(policy, new { mode = "report-only" })).StatusCode);
        const string messageId = "hunted-1@partner.example";
        var graphId = env.Deliver(ScannerEnvironment.LateralPdfMessage(messageId, EvilUrl));
        var verdict = await env.VerdictForAsync(messageId);
        Assert.NotEqual(MessageAction.Allow, verdict.Action);
        Assert.False(verdict.Enforced);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(policy, new { mode = (string?)null })).StatusCode);
        using var browser = new ConsoleBrowser(env);
        var hunts = await browser.SignInAsync(ScannerTenant.ConsoleUser("Analyst"), ConsolePaths.Hunts);

        var queued = await browser.PostAsync("/console/hunts/new?handler=Ioc", hunts, new Dictionary<string, string>
        {
            ["IndicatorType"] = "domain", ["Indicator"] = "evilhost.xyz", ["Tenant"] = env.TenantId, ["Days"] = "1",
        });

        Assert.Equal(HttpStatusCode.OK, queued.Status);
        var previewId = HuntIdOf(queued.Url);
        var preview = await CompletedAsync(env, previewId);
        Assert.False(preview.Act);
        Assert.Equal("domain:evilhost.xyz", preview.Indicator);
        Assert.Equal(env.TenantId, preview.TenantId);
        Assert.Equal(24, preview.WindowHours);
        var previewPage = await browser.GetAsync(ConsolePaths.HuntPage(previewId));
        var match = Row(previewPage.Html, ConsolePaths.MessagePage(new MessageKey(env.TenantId, ScannerEnvironment.Mailbox, messageId)));
        Assert.Contains(">Invoice</a>", match);
        Assert.Contains(ScannerEnvironment.Partner, match);
        Assert.Contains("<td>report only</td>", match);
        Assert.Contains("Act on these matches", previewPage.Html);
        Assert.Equal(graphId, Assert.Single(env.InFolder("Inbox", messageId)).Id);
        Assert.Empty(env.Folder(Quarantine));
        Assert.Empty(env.Audit.Query(env.TenantId));

        var acting = await browser.PostAsync($"{ConsolePaths.HuntPage(previewId)}/act", previewPage, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, acting.Status);
        var actedId = HuntIdOf(acting.Url);
        Assert.NotEqual(previewId, actedId);
        var acted = await CompletedAsync(env, actedId);
        Assert.True(acted.Act);
        Assert.Equal((preview.Indicator, preview.TenantId, preview.WindowHours), (acted.Indicator, acted.TenantId, acted.WindowHours));
        Assert.Equal(1, acted.ActedOn);
        var actedPage = await browser.GetAsync(ConsolePaths.HuntPage(actedId));
        var entry = Assert.Single(env.Audit.Query(env.TenantId));
        Assert.Equal(AuditAction.Quarantine, entry.Action);
        Assert.Contains($"<td>quarantine (audit {entry.Id})</td>", actedPage.Html);
        Assert.DoesNotContain("Act on these matches", actedPage.Html);
        Assert.Empty(env.InFolder("Inbox", messageId));
        Assert.Single(env.InFolder(Quarantine, messageId));
        // Who asked: the signed-in analyst, on the report and on the audit entry of the hunt's action.
        var analyst = ScannerTenant.ConsoleUser("Analyst").UserPrincipalName;
        Assert.Equal(ConsoleHunts.Source, acted.Source);
        Assert.Equal(analyst, acted.RequestedBy);
        Assert.Equal(analyst, entry.Actor);
        Assert.Equal(actedId, entry.HuntId);
        Assert.Contains($"<dd>{analyst} (console)</dd>", actedPage.Html);
        Assert.Contains(previewId, (await browser.GetAsync(ConsolePaths.Hunts)).Html);
    }

    [Fact]
    public async Task AReaderActingOnAPreview_Gets403_AndNoHuntStarts()
    {
        var env = shared.Env;
        using var admin = env.AdminClient();
        var started = await admin.PostAsJsonAsync("/api/admin/hunts", new { domain = "reader-act.example", days = 1, act = false });
        var previewId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await CompletedAsync(env, previewId);
        using var browser = new ConsoleBrowser(env);
        var report = await browser.SignInAsync(ScannerTenant.ConsoleUser("Reader"), ConsolePaths.HuntPage(previewId));
        Assert.DoesNotContain("Act on these matches", report.Html);

        var refused = await browser.PostAsync($"{ConsolePaths.HuntPage(previewId)}/act", report, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.DoesNotContain(Hunts(env).Recent(500), h => h.Indicator == "domain:reader-act.example" && h.Act);
    }

    private static IHuntStore Hunts(ScannerEnvironment env) => env.Host.Services.GetRequiredService<IHuntStore>();

    private static string HuntIdOf(Uri reportUrl)
    {
        var path = reportUrl.AbsolutePath;
        Assert.StartsWith(ConsolePaths.Hunts + "/", path, StringComparison.Ordinal);
        return path[(ConsolePaths.Hunts.Length + 1)..];
    }

    private static async Task<HuntReport> CompletedAsync(ScannerEnvironment env, string huntId)
    {
        try
        {
            return await Eventually.Until(() => Hunts(env).Get(huntId) is { State: HuntState.Completed or HuntState.Failed } r ? r : null,
                $"hunt {huntId} to finish");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; failed jobs: {env.FailedJobs()}", ex);
        }
    }

    /// <summary>The table row holding <paramref name="href"/> (HTML-encoded as Razor writes it).</summary>
    internal static string Row(string html, string href)
    {
        var encoded = System.Text.Encodings.Web.HtmlEncoder.Default.Encode(href);
        var at = html.IndexOf($"href=\"{encoded}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no link to {href} in the page");
        var start = html.LastIndexOf("<tr>", at, StringComparison.Ordinal);
        var end = html.IndexOf("</tr>", at, StringComparison.Ordinal);
        return html[start..end];
    }
}
