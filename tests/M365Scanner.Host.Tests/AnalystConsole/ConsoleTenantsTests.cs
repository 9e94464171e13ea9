using System.Net;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.AnalystConsole;
using M365Scanner.Host.Baselines;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.AnalystConsole;

/// <summary>The console's tenant pages over HTTP: what a tenant's protection looks like, its policy edited by an admin
/// and applied to the next scan, entries added and removed by an analyst in their own name, and the server refusing
/// what a role may not do.</summary>
public sealed class ConsoleTenantsTests(ConsoleEnvironment shared) : IClassFixture<ConsoleEnvironment>
{
    private const string EvilUrl = "https://secure-docs.evilhost.xyz/4JEcfT25549iCYf310zjlcedhsms3764";

    [Fact]
    public async Task TenantPages_ShowTheTenant_ItsMailboxesBaselineAndSubscription_AndTheReferenceLists()
    {
        var env = shared.Env;
        var state = env.State();
        await Eventually.True(() => BaselineStatus.IsComplete(state.GetBaselineProgress(env.TenantId, ScannerEnvironment.Mailbox)),
            "the mailbox's baseline to complete");
        var subscription = Assert.Single(state.Subscriptions(env.TenantId));
        using var browser = new ConsoleBrowser(env);

        var list = await browser.SignInAsync(ScannerTenant.ConsoleUser("Reader"), ConsolePaths.Tenants);
        var tenant = await browser.GetAsync(ConsolePaths.TenantPage(env.TenantId));

        Assert.Equal(HttpStatusCode.OK, list.Status);
        var row = ConsoleHuntsTests.Row(list.Html, ConsolePaths.TenantPage(env.TenantId));
        Assert.Contains(TenantOverview.Configured, row);
        Assert.Contains("<td>enforce</td>", row);
        Assert.Contains("publicsuffix/public_suffix_list.dat", list.Html);
        Assert.Equal(HttpStatusCode.OK, tenant.Status);
        Assert.Contains(ScannerEnvironment.Mailbox, tenant.Html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(BaselineStatus.Describe(state.GetBaselineProgress(env.TenantId, ScannerEnvironment.Mailbox))),
            tenant.Html);
        Assert.Contains(">complete<", tenant.Html);
        Assert.Contains(subscription.SubscriptionId, tenant.Html);
        Assert.Contains(subscription.ExpiresAt.ToString("yyyy-MM-dd HH:mm:ss") + " UTC", tenant.Html);
        Assert.DoesNotContain("Add entry", tenant.Html);
        Assert.DoesNotContain("Edit policy", tenant.Html);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(ConsolePaths.TenantPage("no-such-tenant"))).Status);
    }

    /// <summary>The done-means, through the console: an admin switches one tenant to report-only, and the next
    /// flagged message is recorded but left as it was delivered.</summary>
    [Fact]
    public async Task AnAdminSwitchesTheTenantToReportOnly_AndTheNextFlaggedMessageIsRecordedButUntouched()
    {
        await using var env = await ScannerEnvironment.StartAsync(policyMode: "Enforce");
        using var browser = new ConsoleBrowser(env);
        var editor = await browser.SignInAsync(ScannerTenant.ConsoleUser("Admin"), ConsolePaths.TenantPolicyPage(env.TenantId));
        Assert.Contains("Save policy", editor.Html);

        var saved = await browser.PostAsync(ConsolePaths.TenantPolicyPage(env.TenantId), editor, new Dictionary<string, string>
        {
            ["Mode"] = "report-only", ["RewriteThreshold"] = "", ["QuarantineThreshold"] = "", ["QuarantineEstablishedSenders"] = "inherit",
        });

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal(ConsolePaths.TenantPage(env.TenantId), saved.Url.AbsolutePath);
        Assert.Contains("Policy saved.", saved.Html);
        var version = Assert.Single(Policies(env).History(env.TenantId));
        Assert.Equal(new TenantPolicyOverride(PolicyMode.ReportOnly), version.Override);
        Assert.Equal("admin@contoso.example", version.ChangedBy);
        Assert.Contains("<td>admin@contoso.example</td>", saved.Html);

        var mime = ScannerEnvironment.LateralPdfMessage("console-report-only@partner.example", EvilUrl);
        var graphId = env.Deliver(mime);
        var verdict = await env.VerdictForAsync("console-report-only@partner.example");

        Assert.Equal(MessageAction.Rewrite, verdict.Action);
        Assert.False(verdict.Enforced);
        var inbox = Assert.Single(env.InFolder("Inbox", "console-report-only@partner.example"));
        Assert.Equal(graphId, inbox.Id);
        Assert.Equal(mime, inbox.Mime);
        Assert.Empty(env.Folder("M365Scanner Quarantine"));
        Assert.Empty(env.Audit.Query(env.TenantId));
    }

    [Fact]
    public async Task AnAdminTurnsOnTheHeldMessageNotice_AndTheTenantPageAndEditorShowIt()
    {
        await using var env = await ScannerEnvironment.StartAsync(policyMode: "Enforce");
        using var browser = new ConsoleBrowser(env);
        var editor = await browser.SignInAsync(ScannerTenant.ConsoleUser("Admin"), ConsolePaths.TenantPolicyPage(env.TenantId));
        Assert.Contains("<label for=\"policy-notice\">Notice in the Inbox when a message is held</label>", editor.Html);

        var saved = await browser.PostAsync(ConsolePaths.TenantPolicyPage(env.TenantId), editor, new Dictionary<string, string>
        {
            ["Mode"] = "inherit", ["RewriteThreshold"] = "", ["QuarantineThreshold"] = "", ["QuarantineEstablishedSenders"] = "inherit",
            ["HeldMessageNotice"] = "yes",
        });

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal(new TenantPolicyOverride(HeldMessageNotice: true), Assert.Single(Policies(env).History(env.TenantId)).Override);
        Assert.Contains("<tr><td>Notice in the Inbox when a message is held</td><td>yes</td><td>yes</td></tr>", saved.Html);
        var reopened = await browser.GetAsync(ConsolePaths.TenantPolicyPage(env.TenantId));
        Assert.Contains("<option value=\"yes\" selected=\"selected\">yes</option>", reopened.Html[reopened.Html.IndexOf("policy-notice", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task AnInvalidHeldMessageNoticeChoice_ShowsTheProblem_AndSavesNothing()
    {
        var env = shared.Env;
        using var browser = new ConsoleBrowser(env);
        var editor = await browser.SignInAsync(ScannerTenant.ConsoleUser("Admin"), ConsolePaths.TenantPolicyPage(env.TenantId));

        var refused = await browser.PostAsync(ConsolePaths.TenantPolicyPage(env.TenantId), editor, new Dictionary<string, string>
        {
            ["Mode"] = "enforce", ["RewriteThreshold"] = "", ["QuarantineThreshold"] = "", ["QuarantineEstablishedSenders"] = "no",
            ["HeldMessageNotice"] = "sometimes",
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Not saved: Notice in the Inbox when a message is held must be inherit, yes or no.", refused.Html);
        Assert.Empty(Policies(env).History(env.TenantId));
    }

    [Fact]
    public async Task AnAnalystPostingSavePolicy_Gets403_AndNothingIsSaved()
    {
        var env = shared.Env;
        using var browser = new ConsoleBrowser(env);
        var tenant = await browser.SignInAsync(ScannerTenant.ConsoleUser("Analyst"), ConsolePaths.TenantPage(env.TenantId));
        Assert.DoesNotContain("Edit policy", tenant.Html);

        var refused = await browser.PostAsync(ConsolePaths.TenantPolicyPage(env.TenantId), tenant, new Dictionary<string, string>
        {
            ["Mode"] = "report-only", ["RewriteThreshold"] = "", ["QuarantineThreshold"] = "", ["QuarantineEstablishedSenders"] = "inherit",
        });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("This needs one of: Admin.", refused.Html);
        Assert.Empty(Policies(env).History(env.TenantId));
    }

    [Theory]
    [InlineData("1.5", "", "rewriteThreshold must be between 0 and 1")]
    [InlineData("", "-0.1", "quarantineThreshold must be between 0 and 1")]
    [InlineData("half", "", "Rewrite threshold must be a number between 0 and 1, or blank to inherit.")]
    public async Task InvalidThresholds_ShowTheProblem_AndSaveNothing(string rewrite, string quarantine, string problem)
    {
        var env = shared.Env;
        using var browser = new ConsoleBrowser(env);
        var editor = await browser.SignInAsync(ScannerTenant.ConsoleUser("Admin"), ConsolePaths.TenantPolicyPage(env.TenantId));

        var refused = await browser.PostAsync(ConsolePaths.TenantPolicyPage(env.TenantId), editor, new Dictionary<string, string>
        {
            ["Mode"] = "enforce", ["RewriteThreshold"] = rewrite, ["QuarantineThreshold"] = quarantine, ["QuarantineEstablishedSenders"] = "no",
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Not saved: " + problem, refused.Html);
        if (rewrite.Length > 0)
            Assert.Contains($"value=\"{rewrite}\"", refused.Html);
        Assert.Empty(Policies(env).History(env.TenantId));
    }

    [Fact]
    public async Task AnAnalystAddsAndRemovesAnEntry_AndTheTenantPageShowsWhoDidItWhenAndWhy()
    {
        var env = shared.Env;
        using var browser = new ConsoleBrowser(env);
        var tenant = await browser.SignInAsync(ScannerTenant.ConsoleUser("Analyst"), ConsolePaths.TenantPage(env.TenantId));

        var added = await browser.PostAsync($"{ConsolePaths.TenantPage(env.TenantId)}/entries?handler=Add", tenant, new Dictionary<string, string>
        {
            ["Effect"] = "block", ["Kind"] = "link-domain", ["Value"] = "Console-Blocked.example", ["Scope"] = ScannerEnvironment.Mailbox,
            ["Reason"] = "phishing campaign seen today",
        });

        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Contains("Entry added.", added.Html);
        var entry = Assert.Single(Policies(env).Entries(env.TenantId), e => e.Value == "console-blocked.example");
        Assert.Equal((PolicyEntryEffect.Block, PolicyEntryKind.LinkDomain, ScannerEnvironment.Mailbox, "analyst@contoso.example", "phishing campaign seen today"),
            (entry.Effect, entry.Kind, entry.Mailbox, entry.AddedBy, entry.Reason));
        var row = ActiveRow(added.Html, entry.Id);
        Assert.Contains("analyst@contoso.example", row);
        Assert.Contains("phishing campaign seen today", row);
        Assert.Contains(entry.AddedAt.ToString("yyyy-MM-dd HH:mm:ss"), row);

        var removed = await browser.PostAsync($"{ConsolePaths.TenantPage(env.TenantId)}/entries?handler=Remove", added, new Dictionary<string, string>
        {
            ["EntryId"] = entry.Id, ["Reason"] = "campaign over",
        });

        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.Contains("Entry removed.", removed.Html);
        var kept = Assert.Single(Policies(env).Entries(env.TenantId, includeRemoved: true), e => e.Id == entry.Id);
        Assert.Equal("analyst@contoso.example", kept.RemovedBy);
        Assert.DoesNotContain(Policies(env).Entries(env.TenantId), e => e.Id == entry.Id);
        Assert.DoesNotContain($"value=\"{entry.Id}\"", removed.Html);
        var removedTable = removed.Html[removed.Html.IndexOf("aria-label=\"Removed entries\"", StringComparison.Ordinal)..];
        Assert.Contains("console-blocked.example", removedTable);
        Assert.Contains(kept.RemovedAt!.Value.ToString("yyyy-MM-dd HH:mm:ss"), removedTable);
        Assert.Contains("<td>analyst@contoso.example</td>", removedTable);
    }

    [Fact]
    public async Task AnInvalidEntry_ShowsTheEditorsProblem_AndAReaderCannotAddOne()
    {
        var env = shared.Env;
        using var analyst = new ConsoleBrowser(env);
        var tenant = await analyst.SignInAsync(ScannerTenant.ConsoleUser("Analyst"), ConsolePaths.TenantPage(env.TenantId));
        var fields = new Dictionary<string, string>
        {
            ["Effect"] = "allow", ["Kind"] = "sender", ["Value"] = "not an address", ["Scope"] = "tenant", ["Reason"] = "",
        };
        var before = Policies(env).Entries(env.TenantId, includeRemoved: true).Count;

        var refused = await analyst.PostAsync($"{ConsolePaths.TenantPage(env.TenantId)}/entries?handler=Add", tenant, fields);
        using var reader = new ConsoleBrowser(env);
        var readerPage = await reader.SignInAsync(ScannerTenant.ConsoleUser("Reader"), ConsolePaths.TenantPage(env.TenantId));
        var forbidden = await reader.PostAsync($"{ConsolePaths.TenantPage(env.TenantId)}/entries?handler=Add", readerPage,
            new Dictionary<string, string>(fields) { ["Value"] = "reader@partner.example" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("&#x27;not an address&#x27; is not a valid sender", refused.Html);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        Assert.Equal(before, Policies(env).Entries(env.TenantId, includeRemoved: true).Count);
    }

    private static IPolicyStore Policies(ScannerEnvironment env) => env.Host.Services.GetRequiredService<IPolicyStore>();

    /// <summary>The active entries' row whose remove form names <paramref name="entryId"/>.</summary>
    private static string ActiveRow(string html, string entryId)
    {
        var at = html.IndexOf($"value=\"{entryId}\"", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no remove form for entry {entryId}");
        return html[html.LastIndexOf("<tr>", at, StringComparison.Ordinal)..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }
}
