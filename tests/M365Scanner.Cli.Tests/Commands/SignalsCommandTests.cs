namespace M365Scanner.Cli.Tests.Commands;

public class SignalsCommandTests
{
    [Fact]
    public async Task Signals_PrintsOneRowPerCatalogSignal()
    {
        var run = await CliRun.Of("signals");
        Assert.Equal(0, run.ExitCode);
        var rows = run.Stdout.Split('\n').Count(l => l.StartsWith("| message") || l.StartsWith("| link"));
        Assert.Equal(Core.Scoring.SignalCatalog.MessageSignals.Count + Core.Scoring.SignalCatalog.LinkSignals.Count, rows);
        Assert.Contains("`link.new-for-sender`", run.Stdout);
    }

    [Fact]
    public void ScoringDoc_ShowsTheSignalsTableOfTheCode()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "SCORING.md"));
        const string begin = "<!-- signals:begin -->\n", end = "<!-- signals:end -->";
        var start = doc.IndexOf(begin, StringComparison.Ordinal) + begin.Length;
        var table = doc[start..doc.IndexOf(end, StringComparison.Ordinal)];
        Assert.True(M365Scanner.Cli.Commands.SignalsCommand.Table().Trim() == table.Trim(),
            "docs/SCORING.md is out of date: replace its signals table with the output of `m365scanner signals`.");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "M365Scanner.sln")))
                return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
