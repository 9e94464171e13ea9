using System.Net;
using M365Scanner.Host.Tests.TestSupport;

namespace M365Scanner.Host.Tests.AnalystConsole;

/// <summary>A console session ends a fixed time after its sign-in, however active, so a role removed in Entra ID
/// cannot be kept by using the console often enough to slide the idle timeout.</summary>
public sealed class ConsoleSessionLifetimeTests : IAsyncLifetime
{
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromSeconds(2);
    private ScannerEnvironment _env = null!;

    public async Task InitializeAsync() => _env = await ScannerEnvironment.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Console:SessionMaxLifetime"] = MaxLifetime.ToString(),
    });

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Fact]
    public async Task AnActiveSession_EndsAtItsMaximumLifetime_AndTheNextPageAsksToSignInAgain()
    {
        using var browser = new ConsoleBrowser(_env);
        var signedIn = await browser.SignInAsync(ScannerTenant.ConsoleUser("Analyst"));
        Assert.Equal(HttpStatusCode.OK, signedIn.Status);
        var started = DateTimeOffset.UtcNow;

        // Keep using the console (each page slides the idle timeout) until it asks for a sign-in, within a deadline.
        ConsoleBrowser.Page page;
        do
        {
            page = await browser.GetAsync("/console/messages");
            Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(30), "the session outlived its maximum lifetime by far");
            await Task.Delay(50);
        }
        while (page.Html.Contains("<h1>Messages</h1>", StringComparison.Ordinal));

        Assert.Contains("name=\"password\"", page.Html);
        Assert.True(DateTimeOffset.UtcNow - started >= MaxLifetime - TimeSpan.FromSeconds(1), "the session ended before its lifetime");
    }
}
