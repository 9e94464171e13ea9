using System.Net;
using System.Text;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Tests.TestSupport;
using M365Scanner.Host.Tests.TestSupport;

namespace M365Scanner.Host.Tests.EndToEnd;

/// <summary>Delivery → notification → scan → action, end to end over real HTTP: emulator, host, Hangfire.</summary>
public class DeliveryToActionTests
{
    private const string Quarantine = "M365Scanner Quarantine";
    private const string EvilUrl = "https://secure-docs.evilhost.xyz/4JEcfT25549iCYf310zjlcedhsms3764";

    [Fact]
    public async Task BenignMessageFromPartner_IsLeftByteForByteUntouched()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        env.Control.ClearRequests();
        var mime = Mime.Message(ScannerEnvironment.Partner, ScannerEnvironment.Mailbox, "Minutes 7",
            "Hello Bob, minutes at https://docs.partner.example/minutes/7", DateTimeOffset.UtcNow, messageId: "benign-1@partner.example");
        var id = env.Deliver(mime);

        var verdict = await env.VerdictForAsync("benign-1@partner.example");

        Assert.Equal(MessageAction.Allow, verdict.Action);
        var inbox = env.InFolder("Inbox", "benign-1@partner.example").Single();
        Assert.Equal(id, inbox.Id);
        Assert.Equal(mime, inbox.Mime);
        Assert.Empty(env.Audit.Query(env.TenantId));
        // One Graph request to read a clean message, nothing else about it.
        Assert.Single(env.Control.Requests, r => r.Path.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PartnerPdfWithOneNovelLink_IsRewrittenOnlyInThatUri_AndOriginalQuarantined()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        var pdf = MinimalPdf.Build(new MinimalPage(["Invoice 2024-117, see the link below"],
            [MinimalPdf.UriLink(EvilUrl), MinimalPdf.UriLink("https://docs.partner.example/terms", "[70 700 400 720]")]));
        var mime = Mime.Message(ScannerEnvironment.Partner, ScannerEnvironment.Mailbox, "Invoice",
            "Hello Bob, the invoice is attached; minutes at https://docs.partner.example/minutes/8", DateTimeOffset.UtcNow,
            pdf: ("invoice.pdf", pdf), messageId: "lateral-pdf@partner.example");
        env.Deliver(mime);

        var verdict = await env.VerdictForAsync("lateral-pdf@partner.example");
        Assert.Equal(MessageAction.Rewrite, verdict.Action);
        var entry = await Eventually.Until(() => env.Audit.Query(env.TenantId).FirstOrDefault(e => e.State == AuditState.Completed), "the rewrite to complete");
        Assert.Equal(AuditAction.Rewrite, entry.Action);

        var original = Assert.Single(env.Folder(Quarantine));
        Assert.Equal(mime, original.Mime);
        var copy = Assert.Single(env.InFolder("Inbox", "lateral-pdf@partner.example"));
        Assert.False(copy.IsDraft);
        var copied = EmlReader.Read(copy.Mime);
        var links = new MessageLinkExtractor().Extract(copied).Links;
        Assert.DoesNotContain(links, l => l.Url == EvilUrl);
        Assert.Contains(links, l => l.Url == "https://docs.partner.example/terms");
        Assert.Contains(links, l => l.Url == "https://docs.partner.example/minutes/8");
        Assert.Contains(links, l => l.Url.StartsWith(env.BaseUrl + "/blocked/", StringComparison.Ordinal));
        // The PDF was changed by an incremental update: the original bytes are a prefix of the copy's.
        var copiedPdf = Assert.Single(copied.Attachments).Content.ToArray();
        Assert.Equal(pdf, copiedPdf[..pdf.Length]);
        Assert.Equal("Invoice", copied.Subject);
        Assert.Equal(ScannerEnvironment.Partner, copied.From?.Address);

        // The blocked-link page explains and never redirects.
        var blocked = links.Single(l => l.Url.StartsWith(env.BaseUrl + "/blocked/", StringComparison.Ordinal)).Url;
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var page = await http.GetAsync(blocked);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("evilhost.xyz", html);
        Assert.DoesNotContain(EvilUrl, html);
    }

    [Fact]
    public async Task ExternalPhishing_IsQuarantined_AndReleaseBringsItBack()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        var mime = Mime.Message("security@micros0ft-support.xyz", ScannerEnvironment.Mailbox, "Password expires today",
            "Keep your password: http://203.0.113.50/office365/signin/verify-account.php?id=8f3kQ2x9LmP4zT7wR1v", DateTimeOffset.UtcNow,
            messageId: "external-1@phish.example",
            authenticationResults: "spf=fail (sender IP is 198.51.100.9) smtp.mailfrom=micros0ft-support.xyz; dkim=none (message not signed) header.d=none;dmarc=fail action=none header.from=micros0ft-support.xyz;compauth=fail reason=000");
        env.Deliver(mime);

        var verdict = await env.VerdictForAsync("external-1@phish.example");
        Assert.True(verdict.Action == MessageAction.Quarantine, $"{verdict.Action} {verdict.Score}: {verdict.LinksJson}");
        var entry = await Eventually.Until(() => env.Audit.Query(env.TenantId).FirstOrDefault(e => e.State == AuditState.Completed), "the quarantine");
        Assert.Empty(env.InFolder("Inbox", "external-1@phish.example"));
        Assert.Equal(mime, Assert.Single(env.Folder(Quarantine)).Mime);

        using var admin = env.AdminClient();
        var release = await admin.PostAsync($"/api/admin/release/{entry.Id}", null);
        Assert.Equal(HttpStatusCode.OK, release.StatusCode);
        Assert.Equal(mime, Assert.Single(env.InFolder("Inbox", "external-1@phish.example")).Mime);
        Assert.Empty(env.Folder(Quarantine));
        Assert.Equal(AuditState.Released, env.Audit.Get(entry.Id)?.State);
    }

    [Fact]
    public async Task ForgedNotification_IsRejected_AndNothingIsScanned()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        var id = env.Control.Deliver(env.TenantId, ScannerEnvironment.Mailbox,
            Mime.Message("x@y.example", ScannerEnvironment.Mailbox, "s", "t", DateTimeOffset.UtcNow, messageId: "forged@y.example"), "archive");
        var subscription = env.Control.Subscriptions.Single();
        var body = $$$"""{"value":[{"subscriptionId":"{{{subscription.Id}}}","clientState":"guessed","changeType":"created","resource":"Users/x/Messages/{{{id}}}","resourceData":{"id":"{{{id}}}"}}]}""";

        using var http = new HttpClient();
        var response = await http.PostAsync(env.BaseUrl + "/api/graph/notifications", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(env.Control.Requests, r => r.Path.Contains(id, StringComparison.Ordinal));
        Assert.Empty(env.Verdicts.Query(new VerdictQuery(env.TenantId)));
    }

    [Fact]
    public async Task ValidationHandshake_EchoesTokenAsPlainText()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        using var http = new HttpClient();
        var response = await http.PostAsync(env.BaseUrl + "/api/graph/notifications?validationToken=abc%20123", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("abc 123", await response.Content.ReadAsStringAsync());
    }
}
