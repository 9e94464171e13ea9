using System.Text.Json;
using M365Scanner.Console.Tests.TestSupport;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Scanning;
using M365Scanner.Host.BlockedLinks;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace M365Scanner.Console.Tests.BlockedLinks;

/// <summary>What a user sees who clicks the link the demo rewrote: the page the rewritten copy in their Inbox leads to.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class BlockedLinkPageTests(BrowserFixture browser, DemoSessionFixture demo)
{
    [SkippableFact]
    public async Task BlockedLink_ShowsTheHeldDomainItsReasonsAndTheReference_ForTheDemosRewrittenMessage()
    {
        browser.Require();
        var session = await demo.SessionAsync();
        var rewritten = Assert.Single(session.Messages, m => m.Verdict?.Action == MessageAction.Rewrite);
        var url = Assert.Single(rewritten.BlockedLinks);
        var flagged = JsonSerializer.Deserialize<List<LinkReport>>(rewritten.Verdict!.LinksJson, new JsonSerializerOptions(JsonSerializerDefaults.Web))!
            .Single(l => l.Action != "allow");

        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync(url);

        Assert.Equal(200, response!.Status);
        Assert.Equal(url, page.Url); // held, never redirected to the original
        await Expect(page.Locator("h1")).ToHaveTextAsync("This link was held for your safety");
        Assert.Equal("docs-viewer-secure.top", flagged.Domain);
        await Expect(page.Locator("strong")).ToHaveTextAsync(flagged.Domain!);
        await Expect(page.Locator("li")).ToHaveTextAsync([.. PlainReasons.For(flagged.Reasons)]);
        Assert.DoesNotContain("tenant", await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Request release" })).ToBeVisibleAsync();
        await Expect(page.Locator("code")).ToHaveTextAsync(rewritten.Message.MessageId);
        Assert.DoesNotContain(flagged.Url, await page.ContentAsync());
        await Screenshots.SaveAsync(page, "blocked-link");
        await page.Context.CloseAsync();
    }
}
