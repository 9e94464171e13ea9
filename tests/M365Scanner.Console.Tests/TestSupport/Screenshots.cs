using Microsoft.Playwright;

namespace M365Scanner.Console.Tests.TestSupport;

/// <summary>Screenshots of the pages the tests reach, for docs/CONSOLE.md: saved to docs/console/&lt;name&gt;.png only
/// when <see cref="Variable"/> is 1, so a normal run writes nothing into the repository.</summary>
public static class Screenshots
{
    public const string Variable = "M365SCANNER_SCREENSHOTS";

    public static bool Enabled => Environment.GetEnvironmentVariable(Variable) == "1";

    public static async Task SaveAsync(IPage page, string name)
    {
        if (!Enabled) return;
        var folder = Path.Combine(RepositoryRoot(), "docs", "console");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "M365Scanner.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"M365Scanner.sln not found above {AppContext.BaseDirectory}");
    }
}
