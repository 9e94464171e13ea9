using System.Net;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Scanning;
using M365Scanner.Host.AnalystConsole;
using M365Scanner.Host.BlockedLinks;
using M365Scanner.Host.Tests.AnalystConsole;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.BlockedLinks;

/// <summary>The user's side of a held message, over HTTP as browsers without script do it: the person who clicked a
/// rewritten link asks for the message from the blocked page (no sign-in: the signed link is the proof), the request
/// appears in the console, an analyst approves or denies it, and the blocked page, opened again, says what happened.</summary>
public sealed class BlockedLinkReleaseRequestTests : IAsyncLifetime
{
    private const string MessageId = "release-request@partner.example";
    private const string Quarantine = "M365Scanner Quarantine";
    private ScannerEnvironment _env = null!;
    private MessageKey _key;
    private byte[] _original = [];
    private string _blocked = "";

    public async Task InitializeAsync()
    {
        _env = await ScannerEnvironment.StartAsync();
        _original = ScannerEnvironment.LateralPdfMessage(MessageId, DeliveredMessages.EvilUrl);
        _env.Deliver(_original);
        var verdict = await _env.VerdictForAsync(MessageId);
        _key = verdict.Key;
        await Eventually.Until(() => _env.Audit.Latest(_key, AuditAction.Rewrite) is { State: AuditState.Completed } e ? e : null, "the rewrite");
        var index = LinkReport.ReadStored(verdict.LinksJson).ToList().FindIndex(l => l.Action != "allow");
        var tokens = _env.Host.Services.GetRequiredService<BlockedLinkTokens>();
        _blocked = new Uri(tokens.UrlFor(new BlockedLinkToken(_key.TenantId, _key.Mailbox, _key.MessageId, index))).AbsolutePath;
    }

    public async Task DisposeAsync() => await _env.DisposeAsync();

    private IReleaseRequestStore Requests => _env.Host.Services.GetRequiredService<IReleaseRequestStore>();

    [Fact]
    public async Task TheBlockedPage_SpeaksPlainly_NamesTheOrganisation_AndOffersRequestRelease()
    {
        using var user = new ConsoleBrowser(_env);

        var page = await user.GetAsync(_blocked);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("contoso.example protects your mailbox with M365Scanner", page.Html);
        Assert.Contains("<strong>evilhost.xyz</strong>", page.Html);
        Assert.Contains("<li>", page.Html);
        Assert.DoesNotContain("tenant", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("a kit mints", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(DeliveredMessages.EvilUrl, page.Html, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Request release</button>", page.Html);
        Assert.Contains($"<code>{MessageId}</code>", page.Html);
    }

    [Fact]
    public async Task ARequest_ReachesTheConsole_ItsApprovalRestoresTheMessage_AndTheBlockedPageSaysReleased()
    {
        using var user = new ConsoleBrowser(_env);
        var blocked = await user.GetAsync(_blocked);

        var sent = await user.PostAsync(_blocked, blocked, new Dictionary<string, string> { ["note"] = "I expected this invoice <b>" });

        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Contains("Your request was sent to your IT or security team.", sent.Html);
        Assert.Contains("<h2>Release requested</h2>", sent.Html);
        Assert.DoesNotContain("Request release</button>", sent.Html);
        var request = Assert.Single(Requests.Open(10));
        Assert.Equal((_key, ScannerEnvironment.Mailbox, "I expected this invoice <b>"), (request.Key, request.RequestedBy, request.Note));

        using var analyst = new ConsoleBrowser(_env);
        var list = await analyst.SignInAsync(ScannerTenant.ConsoleUser("Analyst"), ConsolePaths.Requests);
        Assert.Contains($"<a href=\"{System.Net.WebUtility.HtmlEncode(ConsolePaths.MessagePage(_key))}\">Invoice</a>", list.Html);
        Assert.Contains("I expected this invoice &lt;b&gt;", list.Html);
        var done = await analyst.PostAsync(ConsolePaths.DecideRequest + "?handler=Approve", list, new Dictionary<string, string> { ["id"] = request.Id });

        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal(ConsolePaths.Requests, done.Url.AbsolutePath);
        Assert.Contains("Released: the original is back in the user&#x27;s Inbox", done.Html);
        Assert.Contains("No open request.", done.Html);
        Assert.Equal(_original, Assert.Single(_env.InFolder("Inbox", MessageId)).Mime);
        Assert.Empty(_env.InFolder(Quarantine, MessageId));
        var release = Assert.Single(_env.Audit.ForMessage(_key), e => e.Action == AuditAction.Release);
        Assert.Equal(("analyst@contoso.example", AuditState.Completed), (release.Actor, release.State));
        Assert.EndsWith($"release requested by {ScannerEnvironment.Mailbox}: I expected this invoice <b>", release.Reasons);
        Assert.Equal((ReleaseRequestState.Released, "analyst@contoso.example"), (Requests.Get(request.Id)!.State, Requests.Get(request.Id)!.DecidedBy));

        var after = await user.GetAsync(_blocked);
        Assert.Contains("<h2>Released</h2><p>The original message is back in your Inbox", after.Html);
    }

    [Fact]
    public async Task ASecondPress_SaysItIsAlreadyRequested_AndFilesNoSecondRequest()
    {
        using var user = new ConsoleBrowser(_env);
        var blocked = await user.GetAsync(_blocked);
        await user.PostAsync(_blocked, blocked, new Dictionary<string, string> { ["note"] = "" });

        var again = await user.PostAsync(_blocked, blocked, new Dictionary<string, string> { ["note"] = "please" });

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("This message was already requested; your IT or security team has it.", again.Html);
        var only = Assert.Single(Requests.Open(10));
        Assert.Null(only.Note);
    }

    [Fact]
    public async Task ADenial_ReleasesNothing_AndTheBlockedPageShowsTheAnalystsReason()
    {
        using var user = new ConsoleBrowser(_env);
        var first = await user.GetAsync(_blocked);
        await user.PostAsync(_blocked, first, new Dictionary<string, string> { ["note"] = "need it" });
        var request = Assert.Single(Requests.Open(10));
        using var analyst = new ConsoleBrowser(_env);
        var list = await analyst.SignInAsync(ScannerTenant.ConsoleUser("Analyst"), ConsolePaths.Requests);

        var unexplained = await analyst.PostAsync(ConsolePaths.DecideRequest + "?handler=Deny", list, new Dictionary<string, string> { ["id"] = request.Id, ["reason"] = " " });
        var denied = await analyst.PostAsync(ConsolePaths.DecideRequest + "?handler=Deny", list,
            new Dictionary<string, string> { ["id"] = request.Id, ["reason"] = "This is a phishing kit: do not open <it>" });

        Assert.Equal(HttpStatusCode.BadRequest, unexplained.Status);
        Assert.Contains("Not decided: a reason is required", unexplained.Html);
        Assert.Contains("Denied: the user&#x27;s page shows your reason.", denied.Html);
        Assert.Null(_env.Audit.Latest(_key, AuditAction.Release));
        Assert.NotEqual(_original, Assert.Single(_env.InFolder("Inbox", MessageId)).Mime);
        var page = await user.GetAsync(_blocked);
        Assert.Contains("<h2>Request declined</h2>", page.Html);
        Assert.Contains("“This is a phishing kit: do not open &lt;it&gt;”", page.Html);
        Assert.DoesNotContain("Request release</button>", page.Html);
        var again = await user.PostAsync(_blocked, first, new Dictionary<string, string> { ["note"] = "again" });
        Assert.Contains("Your IT or security team already answered the request for this message.", again.Html);
        Assert.Empty(Requests.Open(10));
        var late = await analyst.PostAsync(ConsolePaths.DecideRequest + "?handler=Approve", list, new Dictionary<string, string> { ["id"] = request.Id });
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Contains("the request was already answered (denied by analyst@contoso.example)", late.Html);
        Assert.Null(_env.Audit.Latest(_key, AuditAction.Release));
    }

    [Fact]
    public async Task AReader_SeesTheRequest_ButApprovingIs403_AndNothingIsReleased()
    {
        using var user = new ConsoleBrowser(_env);
        await user.PostAsync(_blocked, await user.GetAsync(_blocked), new Dictionary<string, string> { ["note"] = "" });
        var request = Assert.Single(Requests.Open(10));
        using var reader = new ConsoleBrowser(_env);
        var list = await reader.SignInAsync(ScannerTenant.ConsoleUser("Reader"), ConsolePaths.Requests);
        Assert.Contains(ScannerEnvironment.Mailbox, list.Html);
        Assert.DoesNotContain("Approve and release", list.Html);

        var refused = await reader.PostAsync(ConsolePaths.DecideRequest + "?handler=Approve", list, new Dictionary<string, string> { ["id"] = request.Id });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(ReleaseRequestState.Open, Requests.Get(request.Id)!.State);
        Assert.Null(_env.Audit.Latest(_key, AuditAction.Release));
    }

    [Fact]
    public async Task AForgedToken_CannotFileARequest()
    {
        using var user = new ConsoleBrowser(_env);
        var blocked = await user.GetAsync(_blocked);
        var forged = _blocked[..^2] + (_blocked[^2..] == "AA" ? "AB" : "AA");

        var refused = await user.PostAsync(forged, blocked, new Dictionary<string, string> { ["note"] = "" });

        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.Contains("This link is not recognised", refused.Html);
        Assert.Empty(Requests.Open(10));
    }

    [Fact]
    public async Task ACrossSitePost_OrOneWithoutThePagesToken_FilesNothing()
    {
        using var user = new ConsoleBrowser(_env);
        var blocked = await user.GetAsync(_blocked);
        var crossSite = new HttpRequestMessage(HttpMethod.Post, _env.BaseUrl + _blocked)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = ConsoleBrowser.AntiforgeryToken(blocked.Html), ["note"] = "",
            }),
        };
        crossSite.Headers.Add("Origin", "https://evil.example");

        var refused = await user.SendAsync(crossSite);
        var tokenless = await user.SendAsync(new HttpRequestMessage(HttpMethod.Post, _env.BaseUrl + _blocked)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["note"] = "" }),
        });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(HttpStatusCode.BadRequest, tokenless.Status);
        Assert.Contains("Your request could not be sent", tokenless.Html);
        Assert.Empty(Requests.Open(10));
    }
}
