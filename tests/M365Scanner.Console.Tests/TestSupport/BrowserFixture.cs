using Microsoft.Playwright;

namespace M365Scanner.Console.Tests.TestSupport;

/// <summary>
/// One headless Chromium for a test collection: Debian's <c>chromium</c> (or the one <see cref="BrowserVariable"/> names)
/// driven by Playwright, whose own browser download cannot be reached here. When the browser is missing, a test that
/// asks for it through <see cref="Require"/> fails when the environment says CI (<c>CI=true</c>), so a CI run can never
/// pass by skipping the browser tests, and is skipped with how to install it otherwise (it must be a [SkippableFact]).
/// A browser that is present but does not start always fails.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string BrowserVariable = "M365SCANNER_CHROMIUM";

    public const string DefaultBrowser = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _missing;
    private Exception? _launchFailure;

    /// <summary>The browser binary in use.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(BrowserVariable) is { Length: > 0 } path ? path : DefaultBrowser;

    /// <summary>True when the tests run under CI (<c>CI=true</c>, as .ci/run is run): nothing may be skipped there.</summary>
    public static bool InContinuousIntegration =>
        Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            _missing = $"no Chromium at {ExecutablePath}. Install it (sudo apt-get install chromium, or run .ci/chromium-install) " +
                       $"or point {BrowserVariable} at a Chromium binary";
            return;
        }
        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                // Chromium's sandbox cannot start as root (CI runs as root) and refuses to run without --no-sandbox there,
                // which is what Playwright passes when the sandbox is off. Any other user keeps it.
                ChromiumSandbox = Environment.UserName != "root",
            });
        }
        catch (Exception ex) when (ex is PlaywrightException or InvalidOperationException or IOException)
        {
            _launchFailure = ex;
        }
    }

    /// <summary>The running browser; skips or fails the calling test when there is none (see the class summary).</summary>
    public IBrowser Require()
    {
        if (_launchFailure is not null)
            Assert.Fail($"Chromium at {ExecutablePath} did not start: {_launchFailure.Message}");
        if (_missing is not null)
        {
            if (InContinuousIntegration)
                Assert.Fail($"Browser tests cannot run: {_missing}. CI=true, so this is a failure, not a skip.");
            Skip.If(true, $"Browser tests skipped: {_missing}.");
        }
        return _browser!;
    }

    /// <summary>A fresh browser context (its own cookies) with a page.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Require().NewContextAsync(new BrowserNewContextOptions
        {
            // The emulator's Entra ID sign-in pages are served over HTTPS with a certificate it generates at start. The
            // host trusts exactly that certificate (pinned); a browser has no pinning option, so it is told to accept
            // it. Every address these tests open is on 127.0.0.1.
            IgnoreHTTPSErrors = true,
        });
        // Deadlines, not delays: generous because `dotnet test M365Scanner.sln` runs every test assembly at once on two
        // cores, and a sign-in is four round trips through two servers that may still be compiling their first request.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
