using System.Text.Json;
using System.Text.RegularExpressions;
using M365Scanner.Console.Tests.TestSupport;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Scanning;
using M365Scanner.Demo;
using M365Scanner.GraphEmulator.Control;
using M365Scanner.Host.AnalystConsole;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace M365Scanner.Console.Tests.Messages;

/// <summary>
/// The analyst's path through the console for the demo's rewritten message, from the reference a user quotes off the
/// blocked-link page to the original back in the mailbox; and a Reader refused the same release by the server.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ReleaseFromTheConsoleTests(BrowserFixture browser, DemoSessionFixture demo)
{
    [SkippableFact]
    public async Task Analyst_FindsTheRewrittenMessageByTheBlockedPagesReference_ReadsItsReasons_AndReleasesIt_TheOriginalIsBackInTheInbox()
    {
        browser.Require();
        var session = await demo.SessionAsync();
        var rewritten = session.Messages.Single(m => m.Verdict?.Action == MessageAction.Rewrite);
        var flagged = JsonSerializer.Deserialize<List<LinkReport>>(rewritten.Verdict!.LinksJson, new JsonSerializerOptions(JsonSerializerDefaults.Web))!
            .Single(l => l.Action != "allow");
        Assert.Single(DemoMailbox.In(session, DemoRunner.QuarantineFolder, rewritten.Message.MessageId));

        // The user's side: the reference the blocked-link page tells them to quote.
        var blockedPage = await browser.NewPageAsync();
        await blockedPage.GotoAsync(Assert.Single(rewritten.BlockedLinks));
        var reference = await blockedPage.Locator("code").TextContentAsync();
        await blockedPage.Context.CloseAsync();

        // The analyst's side: search by that reference, open the one message found.
        var page = await ConsoleSignIn.AsAsync(browser, session, "Analyst");
        await page.GetByLabel("Reference or Message-ID").FillAsync(reference!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Screenshots.SaveAsync(page, "messages-search");
        await page.Locator("tbody tr a").ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync(rewritten.Verdict.Subject!);
        var linkRow = page.Locator("table[aria-labelledby=links] tbody tr", new() { HasText = flagged.Url });
        await Expect(linkRow.Locator("ul.reasons li")).ToHaveTextAsync([.. flagged.Reasons]);
        await Screenshots.SaveAsync(page, "message");

        var release = page.Locator("section[aria-labelledby=release]");
        await release.GetByLabel("Reason").FillAsync("Partner confirmed by phone that the invoice link is theirs.");
        await release.GetByRole(AriaRole.Checkbox).CheckAsync();
        await release.GetByRole(AriaRole.Button, new() { Name = "Release" }).ClickAsync();

        await Expect(page.Locator(".notice[role=status]")).ToHaveTextAsync("Released: the original is back in the Inbox.");
        // The trail's row whose action column says release (the rewrite's row mentions release in its detail).
        var releaseRow = page.Locator("table[aria-labelledby=trail] tbody tr",
            new() { Has = page.Locator("td:nth-child(2)", new() { HasTextRegex = new Regex("^release$") }) });
        await Expect(releaseRow).ToContainTextAsync(ConsoleSignIn.User("Analyst").UserPrincipalName);
        await Expect(releaseRow).ToContainTextAsync("Partner confirmed by phone");
        await Screenshots.SaveAsync(page, "message-released");

        // The mailbox, read back from the emulator: the original as delivered in the Inbox, the rewritten copy gone.
        var inbox = await Eventually.Until(() => DemoMailbox.In(session, DemoMailbox.Inbox, rewritten.Message.MessageId) is [var only] ? only : null,
            "exactly one message with the reference in the Inbox");
        Assert.Equal(rewritten.Message.Mime, inbox.Mime);
        Assert.Empty(DemoMailbox.In(session, DemoRunner.QuarantineFolder, rewritten.Message.MessageId));
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task Reader_PostingARelease_WithAValidAntiforgeryToken_IsRefusedWith403_AndNothingMoves()
    {
        browser.Require();
        var session = await demo.SessionAsync();
        var quarantined = session.Messages.Single(m => m.Verdict?.Action == MessageAction.Quarantine);
        var key = new MessageKey(DemoSeed.TenantId, session.Mailbox.ToLowerInvariant(), quarantined.Message.MessageId);
        var held = session.Services.GetRequiredService<IAuditLog>().Latest(key, AuditAction.Quarantine)!;
        var page = await ConsoleSignIn.AsAsync(browser, session, "Reader");

        // A Reader sees the message but is offered no release form.
        await page.GotoAsync(session.BaseUrl + ConsolePaths.MessagePage(key));
        await Expect(page.Locator("h1")).ToHaveTextAsync(quarantined.Verdict!.Subject!);
        await Expect(page.Locator("section[aria-labelledby=release]")).ToHaveCountAsync(0);

        // So post the form by hand, with the Reader's own session cookie and a genuine antiforgery token from a page the
        // Reader can see (the sign-out form), so that only the role check can refuse it.
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        Assert.False(string.IsNullOrEmpty(token));
        var response = await page.APIRequest.PostAsync(session.BaseUrl + ConsolePaths.Messages + "/release", new()
        {
            Form = Form(page.APIRequest, ("tenant", key.TenantId), ("mailbox", key.Mailbox), ("id", key.MessageId), ("auditId", held.Id.ToString()),
                ("reason", "a reader trying"), ("confirm", "yes"), ("__RequestVerificationToken", token!)),
            MaxRedirects = 0,
        });

        Assert.Equal(403, response.Status);
        Assert.Contains("Not allowed", await response.TextAsync());
        Assert.Single(DemoMailbox.In(session, DemoRunner.QuarantineFolder, key.MessageId));
        Assert.Empty(DemoMailbox.In(session, DemoMailbox.Inbox, key.MessageId));
        Assert.Null(session.Services.GetRequiredService<IAuditLog>().Latest(key, AuditAction.Release));
        await page.Context.CloseAsync();
    }

    private static IFormData Form(IAPIRequestContext request, params (string Name, string Value)[] fields)
    {
        var form = request.CreateFormData();
        foreach (var (name, value) in fields)
            form.Set(name, value);
        return form;
    }
}
