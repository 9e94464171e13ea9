using M365Scanner.Console.Tests.TestSupport;
using M365Scanner.Core.Policy;
using M365Scanner.GraphEmulator.Control;
using M365Scanner.Host.AnalystConsole;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace M365Scanner.Console.Tests.SignIn;

/// <summary>Signing in to the console through the emulator's Entra ID pages with OpenID Connect, as the demo's users.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ConsoleSignInTests(BrowserFixture browser, DemoSessionFixture demo)
{
    [SkippableFact]
    public async Task Analyst_SignsInThroughTheEmulatorsPage_AndSeesTheDemosVerdicts()
    {
        browser.Require();
        var session = await demo.SessionAsync();
        var analyst = ConsoleSignIn.User("Analyst");
        var page = await browser.NewPageAsync();

        await page.GotoAsync(session.BaseUrl + ConsolePaths.Messages);
        // Not signed in: the console sends the browser to the identity provider, here the emulator's Entra ID.
        await page.WaitForURLAsync(url => url.StartsWith(new Uri(session.Emulator.AuthorityHost, $"{DemoSeed.TenantId}/oauth2/v2.0/authorize").ToString(), StringComparison.Ordinal));
        await Screenshots.SaveAsync(page, "sign-in");
        await ConsoleSignIn.SubmitAsync(page, session, analyst.UserPrincipalName, analyst.Password);
        await page.WaitForURLAsync(session.BaseUrl + ConsolePaths.Messages);

        await Expect(page.Locator("header .who")).ToContainTextAsync($"{analyst.UserPrincipalName} (Analyst)");
        var rewritten = session.Messages.Single(m => m.Verdict?.Action == MessageAction.Rewrite).Verdict!;
        var row = page.Locator("tbody tr", new() { HasText = rewritten.Subject });
        await Expect(row.Locator(".badge")).ToHaveTextAsync("rewrite");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(session.Messages.Count);
        await Screenshots.SaveAsync(page, "messages");
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task SignOut_FromTheHeader_EndsTheSession_AndTheNextVisitAsksToSignInAgain()
    {
        browser.Require();
        var session = await demo.SessionAsync();
        var page = await ConsoleSignIn.AsAsync(browser, session, "Reader");

        // A form post from a console page: the browser, not a test client, decides its Origin and Sec-Fetch-Site headers.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await page.WaitForURLAsync(session.BaseUrl + ConsolePaths.SignedOut);
        var cookies = await page.Context.CookiesAsync([session.BaseUrl + ConsolePaths.Root]);
        Assert.DoesNotContain(cookies, c => c.Name == "m365scanner.console");
        await page.GotoAsync(session.BaseUrl + ConsolePaths.Messages);
        await page.WaitForURLAsync(url => url.StartsWith(session.Emulator.AuthorityHost.ToString(), StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [SkippableFact]
    public async Task SignIn_WithAWrongPassword_StaysOnTheEmulatorsPage_AndTheConsoleStaysClosed()
    {
        browser.Require();
        var session = await demo.SessionAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(session.BaseUrl + ConsolePaths.Messages);
        await ConsoleSignIn.SubmitAsync(page, session, ConsoleSignIn.User("Analyst").UserPrincipalName, "not-the-password");

        await Expect(page.Locator("body")).ToContainTextAsync("Your account or password is incorrect.");
        Assert.StartsWith(session.Emulator.AuthorityHost.ToString(), page.Url);
        var cookies = await page.Context.CookiesAsync([session.BaseUrl]);
        Assert.DoesNotContain(cookies, c => c.Name == "m365scanner.console");
        await page.Context.CloseAsync();
    }
}
