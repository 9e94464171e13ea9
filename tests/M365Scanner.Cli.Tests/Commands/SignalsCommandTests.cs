using System.Text.Json;
using M365Scanner.Cli.Commands;
using M365Scanner.Core.Scoring;

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

    /// <summary>After the table, each signal's section names it with its tags, every strength it fires at (name and
    /// value) and every list it reads, in the table's order.</summary>
    [Fact]
    public async Task Signals_NamesEverySignalWithItsTagsStrengthsAndLists()
    {
        var run = await CliRun.Of("signals");
        Assert.Equal(0, run.ExitCode);
        var sections = run.Stdout.Split("\n### ").Skip(1).ToList();

        Assert.Equal(SignalCatalog.Definitions.Select(d => $"`{d.Id}`"), sections.Select(s => s[..s.IndexOf('\n')]));
        foreach (var (definition, section) in SignalCatalog.Definitions.Zip(sections))
        {
            Assert.Contains(definition.Description, section);
            Assert.Contains("- tags: " + string.Join(", ", definition.Tags.Select(AttackKinds.Tag)) + "\n", section);
            Assert.All(definition.Strengths, s => Assert.Contains($"  - `{s.Name}` {SignalsCommand.Strength(s.Value)}: {s.When}\n", section));
            Assert.All(definition.Lists, l => Assert.Contains($"`{l.Name}`", section));
        }
        Assert.Contains("  - `cloud-storage` 0.6: ", run.Stdout);
        Assert.Contains("`m365scanner/alternate_web_ports.txt`", run.Stdout);
    }

    [Fact]
    public async Task Signals_Json_CarriesEverySignalAsData()
    {
        var run = await CliRun.Of("signals", "--json");
        Assert.Equal(0, run.ExitCode);
        var signals = JsonDocument.Parse(run.Stdout).RootElement.EnumerateArray().ToList();

        Assert.Equal(SignalCatalog.Definitions.Count, signals.Count);
        foreach (var (definition, json) in SignalCatalog.Definitions.Zip(signals))
        {
            Assert.Equal(definition.Level, json.GetProperty("level").GetString());
            Assert.Equal(definition.Id, json.GetProperty("id").GetString());
            Assert.Equal(definition.Weight, json.GetProperty("weight").GetDouble());
            Assert.Equal(definition.Description, json.GetProperty("description").GetString());
            Assert.Equal(definition.Tags.Select(AttackKinds.Tag), json.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal(definition.Strengths.Select(s => (s.Name, s.Value)),
                json.GetProperty("strengths").EnumerateArray().Select(s => (s.GetProperty("name").GetString()!, s.GetProperty("value").GetDouble())));
            Assert.Equal(definition.Lists.Select(l => l.Name), json.GetProperty("lists").EnumerateArray().Select(l => l.GetString()));
        }
        var hosting = signals.Single(s => s.GetProperty("id").GetString() == "link.abused-hosting");
        Assert.Contains("credential-harvest", hosting.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void ScoringDoc_ShowsTheSignalsOutputOfTheCode()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "SCORING.md")).Replace("\r\n", "\n");
        const string begin = "<!-- signals:begin -->\n", end = "<!-- signals:end -->";
        var start = doc.IndexOf(begin, StringComparison.Ordinal) + begin.Length;
        var section = doc[start..doc.IndexOf(end, StringComparison.Ordinal)];
        Assert.True(SignalsCommand.Markdown().Trim() == section.Trim(),
            "docs/SCORING.md is out of date: replace its signals section with the output of `m365scanner signals`.");
        Assert.StartsWith(SignalsCommand.Table(), section);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "M365Scanner.sln")))
                return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
