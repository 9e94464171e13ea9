using M365Scanner.Console.Tests.TestSupport;

namespace M365Scanner.Console.Tests.Browser;

/// <summary>The browser the other tests rely on is a real Chromium that renders pages, not a stand-in.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class BrowserFixtureTests(BrowserFixture browser)
{
    [SkippableFact]
    public async Task Fixture_LaunchesChromium_ThatRendersAPage()
    {
        var chromium = browser.Require();
        Assert.True(chromium.IsConnected);
        Assert.Matches(@"^\d+\.\d+", chromium.Version);

        var page = await browser.NewPageAsync();
        await page.SetContentAsync("<p id=\"sum\"></p><script>document.getElementById('sum').textContent = 6 * 7;</script>");

        Assert.Equal("42", await page.TextContentAsync("#sum"));
        Assert.Contains("Chrome/", await page.EvaluateAsync<string>("navigator.userAgent"));
        await page.Context.CloseAsync();
    }
}
