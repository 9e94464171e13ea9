using M365Scanner.Console.Tests.TestSupport;
using M365Scanner.Core.Policy;
using M365Scanner.GraphEmulator.Control;
using M365Scanner.Host.AnalystConsole;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace M365Scanner.Console.Tests.Hunts;

/// <summary>An analyst composes an IOC hunt in the console and previews it: the report lists what carries the
/// indicator, each match "report only", and nothing in the mailbox moves.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class HuntPreviewFromTheConsoleTests(BrowserFixture browser, DemoSessionFixture demo)
{
    private static readonly TimeSpan HuntDeadline = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task Analyst_PreviewsAHuntForThePartnersAddress_SeesItsMessagesReportOnly_AndNothingMoves()
    {
        browser.Require();
        var session = await demo.SessionAsync();
        var allowed = session.Messages.Where(m => m.Verdict?.Action == MessageAction.Allow).ToList();
        Assert.NotEmpty(allowed);
        var page = await ConsoleSignIn.AsAsync(browser, session, "Analyst", ConsolePaths.Hunts);

        var compose = page.GetByRole(AriaRole.Form, new() { Name = "IOC hunt" });
        await compose.GetByLabel("Indicator type").SelectOptionAsync("sender");
        await compose.GetByLabel("Indicator", new() { Exact = true }).FillAsync(session.Scenario.Partner.Address.Address);
        await compose.GetByLabel("Tenant").SelectOptionAsync(DemoSeed.TenantId);
        await compose.GetByLabel("Days").FillAsync("1");
        await compose.GetByRole(AriaRole.Button, new() { Name = "Preview (report only)" }).ClickAsync();

        // The report page has no script: reload it, as its "Refresh" link does, until the hunt has finished.
        var deadline = DateTimeOffset.UtcNow + HuntDeadline;
        while (await page.Locator(".badge.state-completed").CountAsync() == 0)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"the hunt did not complete within {HuntDeadline.TotalSeconds:0} s");
            await page.ReloadAsync();
        }
        var matches = page.GetByRole(AriaRole.Table, new() { Name = "Matches" });
        foreach (var message in allowed)
        {
            var row = matches.Locator("tbody tr", new() { HasText = message.Verdict!.Subject! });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync("report only");
        }
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Act on these matches" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "hunt-report");

        foreach (var message in allowed)
            Assert.Single(DemoMailbox.In(session, DemoMailbox.Inbox, message.Message.MessageId));
        await page.GotoAsync(session.BaseUrl + ConsolePaths.Hunts);
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Recent hunts" })).ToContainTextAsync(ConsoleSignIn.User("Analyst").UserPrincipalName);
        await Screenshots.SaveAsync(page, "hunts");
        await page.Context.CloseAsync();
    }
}
