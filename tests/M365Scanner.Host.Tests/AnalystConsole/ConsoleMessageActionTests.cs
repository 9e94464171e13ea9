using System.Net;
using System.Text.RegularExpressions;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.AnalystConsole;
using M365Scanner.Host.Tenants;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.AnalystConsole;

/// <summary>What an analyst does from a message's page, over HTTP as a browser without script does it: release with a
/// reason and a confirmation, "not a threat" and "block"; each refused to a Reader by the server itself.</summary>
public sealed partial class ConsoleMessageActionTests : IAsyncLifetime
{
    private const string EvilUrl = DeliveredMessages.EvilUrl;
    private const string MessageId = "console-action@partner.example";
    private const string Quarantine = "M365Scanner Quarantine";
    private ScannerEnvironment _env = null!;
    private MessageKey _key;
    private byte[] _original = [];

    public async Task InitializeAsync()
    {
        _env = await ScannerEnvironment.StartAsync();
        _original = ScannerEnvironment.LateralPdfMessage(MessageId, EvilUrl);
        _env.Deliver(_original);
        _key = (await _env.VerdictForAsync(MessageId)).Key;
        await Eventually.Until(() => _env.Audit.Latest(_key, AuditAction.Rewrite) is { State: AuditState.Completed } e ? e : null, "the rewrite");
    }

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Fact]
    public async Task AnAnalyst_ReleasesARewrittenMessage_TheOriginalIsBack_TheCopyGone_AndTheTrailNamesThemAndTheirReason()
    {
        using var browser = new ConsoleBrowser(_env);
        await browser.SignInAsync(ScannerTenant.ConsoleUser("Analyst"));
        var page = await browser.GetAsync(ConsolePaths.MessagePage(_key));
        Assert.Contains("<h2 id=\"release\">Release</h2>", page.Html);
        Assert.Contains("I have checked this message is safe to return to the mailbox", page.Html);

        var done = await browser.PostAsync("/console/messages/release", page, ReleaseForm(page, "Partner confirmed the file host by phone <b>"));

        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal("/console/message", done.Url.AbsolutePath);
        Assert.Contains("Released: the original is back in the Inbox.", done.Html);
        Assert.Equal(_original, Assert.Single(_env.InFolder("Inbox", MessageId)).Mime);
        Assert.Empty(_env.InFolder(Quarantine, MessageId));
        var release = Assert.Single(_env.Audit.ForMessage(_key), e => e.Action == AuditAction.Release);
        Assert.Equal(("analyst@contoso.example", AuditState.Completed), (release.Actor, release.State));
        Assert.EndsWith(": Partner confirmed the file host by phone <b>", release.Reasons);
        Assert.Matches(new Regex($"<td>release</td>\\s*<td>completed</td>\\s*<td>analyst@contoso.example</td>\\s*<td class=\"num\">{release.Id}</td>\\s*<td class=\"prewrap\">[^<]*Partner confirmed the file host by phone &lt;b&gt;</td>"),
            done.Html);
        Assert.Contains("<td>rewritten, then released</td>", done.Html);
        Assert.Contains($"by analyst@contoso.example at", done.Html);
        Assert.DoesNotContain("name=\"auditId\"", done.Html);
    }

    [Theory]
    [InlineData("", "yes", "a reason is required")]
    [InlineData("   ", "yes", "a reason is required")]
    [InlineData("checked with the partner", null, "confirm that you checked")]
    public async Task ARelease_WithoutAReasonOrTheConfirmation_ShowsThePageAgain_AndReleasesNothing(string reason, string? confirm, string problem)
    {
        using var browser = new ConsoleBrowser(_env);
        await browser.SignInAsync(ScannerTenant.ConsoleUser("Analyst"));
        var page = await browser.GetAsync(ConsolePaths.MessagePage(_key));
        var form = ReleaseForm(page, reason);
        if (confirm is null)
            form.Remove("confirm");

        var refused = await browser.PostAsync("/console/messages/release", page, form);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Not released: " + problem, refused.Html);
        Assert.Contains(reason.Trim(), refused.Html);
        AssertNotReleased();
    }

    [Theory]
    [InlineData("Reader")]
    [InlineData("")]
    public async Task AReleasePost_FromAUserWhoMayNotAct_Is403FromTheServer_EvenWithAValidToken(string role)
    {
        using var analyst = new ConsoleBrowser(_env);
        await analyst.SignInAsync(ScannerTenant.ConsoleUser("Analyst"));
        var form = ReleaseForm(await analyst.GetAsync(ConsolePaths.MessagePage(_key)), "looks fine to me");
        using var browser = new ConsoleBrowser(_env);
        var own = await browser.SignInAsync(ScannerTenant.ConsoleUser(role));
        // A user with no role has no console page, hence no token of theirs: the sign-out form of a page they can't open.
        var from = role.Length > 0 ? await browser.GetAsync(ConsolePaths.MessagePage(_key)) : own;

        var refused = role.Length > 0
            ? await browser.PostAsync("/console/messages/release", from, form)
            : await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{_env.BaseUrl}/console/messages/release")
                { Content = new FormUrlEncodedContent(form) });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("Analyst or Admin", refused.Html);
        AssertNotReleased();
    }

    [Fact]
    public async Task NotAThreat_AddsAnAllowEntryForTheSenderInThisMailbox_InTheAnalystsName_AndTheNextSuchMessageIsAllowed()
    {
        using var browser = new ConsoleBrowser(_env);
        await browser.SignInAsync(ScannerTenant.ConsoleUser("Analyst"));
        var page = await browser.GetAsync(ConsolePaths.MessagePage(_key));
        Assert.Contains("<h2 id=\"not-a-threat\">Not a threat</h2>", page.Html);

        var done = await browser.PostAsync("/console/messages/entries?handler=Allow", page, new Dictionary<string, string>
        {
            ["tenant"] = _key.TenantId, ["mailbox"] = _key.Mailbox, ["id"] = _key.MessageId,
            ["kind"] = "sender", ["scope"] = "mailbox", ["reason"] = "the partner's new file host",
        });

        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("Allow entry added.", done.Html);
        var entry = Assert.Single(Policies.Entries(_env.TenantId));
        Assert.Equal((PolicyEntryEffect.Allow, PolicyEntryKind.SenderAddress, ScannerEnvironment.Partner, _key.Mailbox, "analyst@contoso.example", "the partner's new file host"),
            (entry.Effect, entry.Kind, entry.Value, entry.Mailbox, entry.AddedBy, entry.Reason));
        Assert.Contains(entry, TenantPolicies.For(_env.TenantId).Entries);
        Assert.Contains("<td>analyst@contoso.example</td>", done.Html);
        Assert.Contains($"<a href=\"{ConsolePaths.TenantPage(_env.TenantId)}#entries\">tenant's page</a>", done.Html);

        _env.Deliver(ScannerEnvironment.LateralPdfMessage("console-action-2@partner.example", EvilUrl));
        var next = await _env.VerdictForAsync("console-action-2@partner.example");
        Assert.Equal(MessageAction.Allow, next.Action);
        Assert.Contains(entry.Id, next.Explanation);
    }

    /// <summary>The narrower "not a threat" for the key case: the flagged link's domain is allowed, offered first, and
    /// the sender is not; a domain the message does not link to is refused.</summary>
    [Fact]
    public async Task NotAThreat_ForTheFlaggedLinksDomain_AllowsThatDomain_NotTheSender()
    {
        using var browser = new ConsoleBrowser(_env);
        await browser.SignInAsync(ScannerTenant.ConsoleUser("Analyst"));
        var page = await browser.GetAsync(ConsolePaths.MessagePage(_key));
        const string domain = "evilhost.xyz";
        var notAThreat = page.Html[page.Html.IndexOf("<h2 id=\"not-a-threat\">", StringComparison.Ordinal)..];
        Assert.Contains($"links to {domain}", notAThreat);
        Assert.True(notAThreat.IndexOf($"links to {domain}", StringComparison.Ordinal) < notAThreat.IndexOf("the sender ", StringComparison.Ordinal),
            "the link's domain is offered before the sender");
        Dictionary<string, string> Form(string kind) => new()
        {
            ["tenant"] = _key.TenantId, ["mailbox"] = _key.Mailbox, ["id"] = _key.MessageId,
            ["kind"] = kind, ["scope"] = "mailbox", ["reason"] = "the partner's new file host",
        };

        var refused = await browser.PostAsync("/console/messages/entries?handler=Allow", page, Form("link-domain:elsewhere.example"));
        var done = await browser.PostAsync("/console/messages/entries?handler=Allow", page, Form("link-domain:" + domain));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var entry = Assert.Single(Policies.Entries(_env.TenantId));
        Assert.Equal((PolicyEntryEffect.Allow, PolicyEntryKind.LinkDomain, domain, _key.Mailbox, "analyst@contoso.example"),
            (entry.Effect, entry.Kind, entry.Value, entry.Mailbox, entry.AddedBy));
        Assert.Contains("Allow entry added.", done.Html);
    }

    [Fact]
    public async Task Block_AddsABlockEntryForAFlaggedLinksDomain_ForTheWholeTenant()
    {
        using var browser = new ConsoleBrowser(_env);
        await browser.SignInAsync(ScannerTenant.ConsoleUser("Admin"));
        var page = await browser.GetAsync(ConsolePaths.MessagePage(_key));
        Assert.Contains("<option value=\"evilhost.xyz\">evilhost.xyz</option>", page.Html);

        var done = await browser.PostAsync("/console/messages/entries?handler=Block", page, new Dictionary<string, string>
        {
            ["tenant"] = _key.TenantId, ["mailbox"] = _key.Mailbox, ["id"] = _key.MessageId,
            ["domain"] = "evilhost.xyz", ["scope"] = "tenant", ["reason"] = "credential phishing kit",
        });

        Assert.Contains("Block entry added.", done.Html);
        var entry = Assert.Single(Policies.Entries(_env.TenantId));
        Assert.Equal((PolicyEntryEffect.Block, PolicyEntryKind.LinkDomain, "evilhost.xyz", (string?)null, "admin@contoso.example"),
            (entry.Effect, entry.Kind, entry.Value, entry.Mailbox, entry.AddedBy));
        Assert.Contains(entry, TenantPolicies.For(_env.TenantId).Entries);
    }

    [Fact]
    public async Task Block_OfADomainTheMessageDoesNotLinkTo_OrWithoutAReason_AddsNothing()
    {
        using var browser = new ConsoleBrowser(_env);
        await browser.SignInAsync(ScannerTenant.ConsoleUser("Analyst"));
        var page = await browser.GetAsync(ConsolePaths.MessagePage(_key));
        Dictionary<string, string> Form(string domain, string reason) => new()
        {
            ["tenant"] = _key.TenantId, ["mailbox"] = _key.Mailbox, ["id"] = _key.MessageId,
            ["domain"] = domain, ["scope"] = "tenant", ["reason"] = reason,
        };

        var elsewhere = await browser.PostAsync("/console/messages/entries?handler=Block", page, Form("microsoft.com", "because"));
        var unexplained = await browser.PostAsync("/console/messages/entries?handler=Block", page, Form("evilhost.xyz", ""));

        Assert.Contains("No entry added: choose one of the message", elsewhere.Html);
        Assert.Contains("No entry added: a reason is required", unexplained.Html);
        Assert.Empty(Policies.Entries(_env.TenantId));
    }

    [Fact]
    public async Task AReaderPostingNotAThreat_Is403_AndNoEntryIsAdded()
    {
        using var browser = new ConsoleBrowser(_env);
        await browser.SignInAsync(ScannerTenant.ConsoleUser("Reader"));
        var page = await browser.GetAsync(ConsolePaths.MessagePage(_key));

        var refused = await browser.PostAsync("/console/messages/entries?handler=Allow", page, new Dictionary<string, string>
        {
            ["tenant"] = _key.TenantId, ["mailbox"] = _key.Mailbox, ["id"] = _key.MessageId,
            ["kind"] = "sender", ["scope"] = "tenant", ["reason"] = "fine",
        });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Empty(Policies.Entries(_env.TenantId));
    }

    private IPolicyStore Policies => _env.Host.Services.GetRequiredService<IPolicyStore>();

    private TenantPolicies TenantPolicies => _env.Host.Services.GetRequiredService<TenantPolicies>();

    /// <summary>The release form as the message page offers it (the audit entry it names), filled in.</summary>
    private Dictionary<string, string> ReleaseForm(ConsoleBrowser.Page page, string reason) => new()
    {
        ["tenant"] = _key.TenantId, ["mailbox"] = _key.Mailbox, ["id"] = _key.MessageId,
        ["auditId"] = AuditIdField().Match(page.Html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no release form"),
        ["reason"] = reason, ["confirm"] = "yes",
    };

    private void AssertNotReleased()
    {
        Assert.Equal(AuditState.Completed, _env.Audit.Latest(_key, AuditAction.Rewrite)!.State);
        Assert.Null(_env.Audit.Latest(_key, AuditAction.Release));
        Assert.Single(_env.InFolder(Quarantine, MessageId));
        Assert.NotEqual(_original, Assert.Single(_env.InFolder("Inbox", MessageId)).Mime);
    }

    [GeneratedRegex("name=\"auditId\" value=\"(\\d+)\"")]
    private static partial Regex AuditIdField();
}
