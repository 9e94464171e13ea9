using M365Scanner.Console.Tests.TestSupport;
using M365Scanner.Core.Policy;
using M365Scanner.Demo;
using M365Scanner.GraphEmulator.Control;
using M365Scanner.Host.AnalystConsole;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace M365Scanner.Console.Tests.Tenants;

/// <summary>An admin rolls a tenant back to report-only on its policy page; what is flagged next is recorded, not done.</summary>
[Collection(TenantPolicyCollection.Name)]
public sealed class ReportOnlyFromTheConsoleTests(BrowserFixture browser, DemoSessionFixture demo)
{
    [SkippableFact]
    public async Task Admin_SwitchesTheTenantToReportOnly_AndTheNextFlaggedMessageIsRecordedButLeftUntouched()
    {
        browser.Require();
        var session = await demo.SessionAsync();
        var admin = ConsoleSignIn.User("Admin");
        var page = await ConsoleSignIn.AsAsync(browser, session, "Admin", ConsolePaths.TenantPolicyPage(DemoSeed.TenantId));
        await Screenshots.SaveAsync(page, "tenant-policy");

        await page.GetByLabel("Mode").SelectOptionAsync("report-only");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save policy" }).ClickAsync();

        await Expect(page.Locator(".notice[role=status]")).ToHaveTextAsync("Policy saved. It applies to the tenant's next scan.");
        var mode = page.Locator("#policy + table tbody tr", new() { HasText = "Mode" });
        await Expect(mode.Locator("td").Nth(2)).ToHaveTextAsync("report-only");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Policy history" }).Locator("tbody tr").First).ToContainTextAsync(admin.UserPrincipalName);
        await Screenshots.SaveAsync(page, "tenant");

        // The partner's compromised invoice again, as a new message: rewritten under Enforce, only recorded now.
        var partnerInvoice = session.Messages.Single(m => m.Verdict is { Action: MessageAction.Rewrite, Enforced: true }).Message;
        var again = Resent.Of(partnerInvoice, "report-only");
        var delivered = await session.DeliverAsync(again);

        Assert.True(delivered.Verdict is not null, demo.Transcript);
        Assert.Equal(MessageAction.Rewrite, delivered.Verdict.Action);
        Assert.False(delivered.Verdict.Enforced);
        Assert.Empty(delivered.BlockedLinks);
        var inInbox = Assert.Single(DemoMailbox.In(session, DemoMailbox.Inbox, again.MessageId));
        Assert.Equal(again.Mime, inInbox.Mime);
        Assert.Empty(DemoMailbox.In(session, DemoRunner.QuarantineFolder, again.MessageId));

        // The console lists it as recorded, not carried out, beside the enforced rewrite of the first invoice.
        await page.GotoAsync(session.BaseUrl + ConsolePaths.Messages);
        await page.GetByLabel("Action").SelectOptionAsync("rewrite");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var rows = page.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = "(report-only)" })).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "messages-report-only");
        await rows.Filter(new() { HasText = "(report-only)" }).Locator("a").ClickAsync();
        await Expect(page.Locator("section[aria-label=Verdict]")).ToContainTextAsync("report-only: recorded, not carried out");
        await Expect(page.Locator("section[aria-label=Verdict]")).ToContainTextAsync(again.MessageId);
        await Expect(page.Locator("table[aria-labelledby=trail]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
