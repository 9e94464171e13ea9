using M365Scanner.Demo;
using M365Scanner.GraphEmulator.Control;
using M365Scanner.Host.AnalystConsole;
using Microsoft.Playwright;

namespace M365Scanner.Console.Tests.TestSupport;

/// <summary>Signs a demo test user in to the console the way a person does: open a console page, get sent to the
/// emulator's Entra ID sign-in form, type the user name and password, come back signed in. No shortcut.</summary>
public static class ConsoleSignIn
{
    /// <summary>The demo's test user with <paramref name="role"/> (Admin, Analyst or Reader).</summary>
    public static ConsoleTestUser User(string role) => DemoSeed.ConsoleUsers.Single(u => u.Role == role);

    /// <summary>A new browser context signed in as the demo's <paramref name="role"/> user, on <paramref name="path"/>.</summary>
    public static async Task<IPage> AsAsync(BrowserFixture browser, DemoSession session, string role, string path = ConsolePaths.Messages)
    {
        var user = User(role);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(session.BaseUrl + path);
        await SubmitAsync(page, session, user.UserPrincipalName, user.Password);
        await page.WaitForURLAsync(url => url.StartsWith(session.BaseUrl + path, StringComparison.Ordinal));
        return page;
    }

    /// <summary>Fills and posts the emulator's sign-in form, which <paramref name="page"/> must be on (or reaching).</summary>
    public static async Task SubmitAsync(IPage page, DemoSession session, string userName, string password)
    {
        await page.WaitForURLAsync(url => url.StartsWith(session.Emulator.AuthorityHost.ToString(), StringComparison.Ordinal));
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
    }
}
