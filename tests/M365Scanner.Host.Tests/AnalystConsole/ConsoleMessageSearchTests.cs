using System.Net;
using System.Text.RegularExpressions;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.AnalystConsole;
using M365Scanner.Host.Tests.TestSupport;

namespace M365Scanner.Host.Tests.AnalystConsole;

/// <summary>The console's message search and message page, read by a Reader over HTTP: each filter finds the message it
/// names and only it, the blocked-link page's reference finds its message, and the message page shows why.</summary>
public sealed partial class ConsoleMessageSearchTests(DeliveredMessages delivered) : IClassFixture<DeliveredMessages>, IAsyncLifetime
{
    private ConsoleBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _browser = new ConsoleBrowser(delivered.Env);
        await _browser.SignInAsync(ScannerTenant.ConsoleUser("Reader"));
    }

    public Task DisposeAsync()
    {
        _browser.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheSearchForm_LabelsEveryField()
    {
        var page = await _browser.GetAsync(ConsolePaths.Messages);

        foreach (var label in new[] { "Reference or Message-ID", "Tenant", "Mailbox", "Sender", "Subject", "Link domain", "Action", "Since", "Until" })
            Assert.Matches(new Regex($"<label>{Regex.Escape(label)}\\s*<(input|select)"), page.Html);
        Assert.Contains("<button type=\"submit\">Search</button>", page.Html);
    }

    [Theory]
    [InlineData(DeliveredMessages.LateralId)]
    [InlineData("<" + DeliveredMessages.LateralId + ">")]
    [InlineData("  " + DeliveredMessages.LateralId + " ")]
    public async Task Search_ByReference_ListsTheOneMessage_WithOrWithoutAngleBrackets(string reference)
    {
        var page = await Search($"reference={Uri.EscapeDataString(reference)}");

        Assert.Equal([delivered.Lateral.Key], Rows(page));
    }

    [Fact]
    public async Task Search_BySender_FindsAnAddressOrEveryAddressAtADomain()
    {
        Assert.Equal([delivered.Phish.Key], Rows(await Search("sender=Security%40micros0ft-support.xyz")));
        Assert.Equal([delivered.Lateral.Key, delivered.Markup.Key], Rows(await Search("sender=partner.example")).Order(ByMessageId));
    }

    [Fact]
    public async Task Search_BySubject_FindsTheSubjectsContainingIt()
    {
        Assert.Equal([delivered.Phish.Key], Rows(await Search("subject=PASSWORD+expires")));
        Assert.Empty(Rows(await Search("subject=password+expired")));
    }

    [Theory]
    [InlineData("evilhost.xyz")]
    [InlineData("secure-docs.evilhost.xyz")]
    [InlineData("https://secure-docs.evilhost.xyz/4JEcfT")]
    public async Task Search_ByLinkDomain_FindsTheMessageLinkingThere_ByDomainSubdomainOrUrl(string typed)
    {
        Assert.Equal([delivered.Lateral.Key], Rows(await Search($"linkDomain={Uri.EscapeDataString(typed)}")));
    }

    [Fact]
    public async Task Search_ByLinkDomain_FindsALinkToAnIpAddress()
    {
        Assert.Equal([delivered.Phish.Key], Rows(await Search("linkDomain=203.0.113.50")));
    }

    [Fact]
    public async Task Search_ByLinkDomain_ThatIsNoDomain_SaysSoAndListsNothing()
    {
        var page = await Search("linkDomain=co.uk");

        Assert.Contains("Not searched:", page.Html);
        Assert.Empty(Rows(page));
    }

    [Fact]
    public async Task Search_ByTimeAndAction_KeepsToTheWindowAndTheAction()
    {
        var before = delivered.Lateral.ScannedAt.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm");
        var after = DateTimeOffset.UtcNow.AddMinutes(5).ToString("yyyy-MM-ddTHH:mm");

        Assert.Equal(3, Rows(await Search($"since={before}&until={after}")).Count);
        Assert.Empty(Rows(await Search($"since={after}")));
        Assert.Empty(Rows(await Search($"until={before}")));
        Assert.Equal([delivered.Phish.Key], Rows(await Search($"since={before}&action=quarantine")));
    }

    [Fact]
    public async Task Search_CombinesFilters()
    {
        var page = await Search($"tenant={delivered.Env.TenantId}&mailbox=BOB%40contoso.example&sender=partner.example&linkDomain=evilhost.xyz&action=rewrite");

        Assert.Equal([delivered.Lateral.Key], Rows(page));
    }

    [Fact]
    public async Task MessagePage_ShowsEachLinkAsTextWithWhereItWasFoundItsScoreReasonsAndWhatWasDone()
    {
        var page = await _browser.GetAsync(ConsolePaths.MessagePage(delivered.Lateral.Key));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<h2 id=\"links\">Links</h2>", page.Html);
        Assert.Contains($"<code>{DeliveredMessages.EvilUrl}</code>", page.Html);
        // Shown, never offered as a link to follow.
        Assert.DoesNotContain($"href=\"{DeliveredMessages.EvilUrl}", page.Html);
        Assert.Contains("attachment:invoice.pdf", page.Html);
        Assert.Matches(new Regex("<ul class=\"reasons\">\\s*<li>[^<]+</li>"), page.Html);
        Assert.Contains("<td>rewritten</td>", page.Html);
        Assert.Contains("enforced", page.Html);
        Assert.Contains(WebUtility.HtmlEncode(delivered.Lateral.Explanation), page.Html);
    }

    [Fact]
    public async Task MessagePage_ShowsTheAuditTrail_WithTimeActionStateActorAndId()
    {
        var entry = Assert.Single(delivered.Env.Audit.ForMessage(delivered.Lateral.Key));

        var page = await _browser.GetAsync(ConsolePaths.MessagePage(delivered.Lateral.Key));

        Assert.Contains("<h2 id=\"trail\">Audit trail</h2>", page.Html);
        Assert.Matches(new Regex($"<td>{entry.At:yyyy-MM-dd HH:mm:ss} UTC[^<]*</td>\\s*<td>rewrite</td>\\s*<td>completed</td>\\s*<td>scanner</td>\\s*<td class=\"num\">{entry.Id}</td>"),
            page.Html);
    }

    [Fact]
    public async Task MessagePage_OfAReportOnlyOrQuarantinedMessage_SaysWhatWasDoneToItsLinks()
    {
        var page = await _browser.GetAsync(ConsolePaths.MessagePage(delivered.Phish.Key));

        Assert.Equal(MessageAction.Quarantine, delivered.Phish.Action);
        Assert.Contains("<td>quarantined with the message</td>", page.Html);
    }

    [Fact]
    public async Task MessagePage_OfAnUnknownMessage_Is404()
    {
        var page = await _browser.GetAsync(ConsolePaths.MessagePage(delivered.Lateral.Key with { MessageId = "unknown@partner.example" }));

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Message not found", page.Html);
        Assert.Equal(HttpStatusCode.NotFound, (await _browser.GetAsync(ConsolePaths.Message)).Status);
    }

    [Fact]
    public async Task AReader_SeesNoReleaseAllowOrBlockForm()
    {
        var page = await _browser.GetAsync(ConsolePaths.MessagePage(delivered.Lateral.Key));

        Assert.DoesNotContain("name=\"auditId\"", page.Html);
        Assert.DoesNotContain("Add allow entry", page.Html);
        Assert.Contains("An Analyst or Admin can release this message", page.Html);
    }

    [Fact]
    public async Task ASubjectOfMarkup_IsShownAsText_InTheListAndOnItsPage()
    {
        var list = await Search($"reference={DeliveredMessages.MarkupId}");
        var page = await _browser.GetAsync(ConsolePaths.MessagePage(delivered.Markup.Key));

        foreach (var html in new[] { list.Html, page.Html })
        {
            Assert.DoesNotContain("<script>", html);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Minutes &amp; notes", html);
        }
    }

    [Fact]
    public async Task TheAdminApi_TakesTheSameFilters_AndRefusesOneItCannotRead()
    {
        using var admin = delivered.Env.AdminClient();

        var found = await admin.GetStringAsync("/api/admin/verdicts?linkDomain=secure-docs.evilhost.xyz&messageId=%3C" + DeliveredMessages.LateralId + "%3E");
        var bad = await admin.GetAsync("/api/admin/verdicts?linkDomain=co.uk");

        Assert.Contains(DeliveredMessages.LateralId, found);
        Assert.DoesNotContain(DeliveredMessages.PhishId, found);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains(DeliveredMessages.PhishId, await admin.GetStringAsync("/api/admin/verdicts?sender=micros0ft-support.xyz&subject=password"));
    }

    private Task<ConsoleBrowser.Page> Search(string query) => _browser.GetAsync($"{ConsolePaths.Messages}?{query}");

    /// <summary>The messages a result page lists, read from each row's subject link to its message page.</summary>
    private static List<MessageKey> Rows(ConsoleBrowser.Page page) => RowLink().Matches(page.Html)
        .Select(m => Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(WebUtility.HtmlDecode(m.Groups[1].Value)))
        .Select(q => new MessageKey(q["tenant"]!, q["mailbox"]!, q["id"]!))
        .ToList();

    private static readonly Comparer<MessageKey> ByMessageId = Comparer<MessageKey>.Create((a, b) => string.CompareOrdinal(a.MessageId, b.MessageId));

    [GeneratedRegex("<td><a href=\"/console/message(\\?[^\"]+)\">")]
    private static partial Regex RowLink();
}
