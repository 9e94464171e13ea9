using M365Scanner.Core.Reference;

namespace M365Scanner.Cli.Tests.Commands;

public class ListsCommandTests
{
    [Fact]
    public async Task Lists_PrintsEveryListWithProvenanceCountAndOrigin()
    {
        var run = await CliRun.Of("lists");
        Assert.Equal(0, run.ExitCode);
        var rows = run.Stdout.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();
        Assert.Equal(ReferenceLists.All.Count, rows.Count);
        var shorteners = Assert.Single(rows, r => r.StartsWith("| `sublime-static-files/url_shorteners.txt`", StringComparison.Ordinal));
        var count = ReferenceData.Embedded[ReferenceLists.UrlShorteners].Entries.Count;
        Assert.Equal($"| `sublime-static-files/url_shorteners.txt` | {count} | https://github.com/sublime-security/static-files | eb76f5269e96 | 2026-08-21 | embedded |", shorteners);
    }

    [Fact]
    public async Task Lists_ReadsAListFromAFile_WhenFromIsGiven()
    {
        var path = Path.Combine(Path.GetTempPath(), $"m365scanner-lists-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, string.Join('\n', Enumerable.Range(0, 300).Select(i => $"s{i}.example")));
        try
        {
            var run = await CliRun.Of("lists", "--from", $"sublime-static-files/url_shorteners.txt={path}");
            Assert.Equal(0, run.ExitCode);
            Assert.Contains($"| `sublime-static-files/url_shorteners.txt` | 300 | {path} | - |", run.Stdout);
            Assert.EndsWith($"| {path} |", run.Stdout.Split('\n').Single(l => l.StartsWith("| `sublime-static-files/url_shorteners.txt`", StringComparison.Ordinal)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Lists_KeepsTheShippedCopy_AndSaysWhy_WhenTheFileIsMissing()
    {
        var run = await CliRun.Of("lists", "--from", "sublime-static-files/url_shorteners.txt=/nonexistent/url_shorteners.txt");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("kept the shipped copy: the source could not be read (file not found)", run.Stderr);
        Assert.Contains("| embedded |", run.Stdout.Split('\n').Single(l => l.StartsWith("| `sublime-static-files/url_shorteners.txt`", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("no-such/list.txt=/tmp/x.txt")]
    [InlineData("sublime-static-files/url_shorteners.txt=relative.txt")]
    [InlineData("missing-equals-sign")]
    public async Task Lists_RefusesBadFrom(string from)
    {
        var run = await CliRun.Of("lists", "--from", from);
        Assert.Equal(2, run.ExitCode);
    }
}
