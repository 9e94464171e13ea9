using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Scanning;
using M365Scanner.Core.Scoring;
using M365Scanner.Evaluation.Data;
using M365Scanner.Evaluation.Reporting;
using M365Scanner.Storage.InMemory;

namespace M365Scanner.Evaluation.Tests.Reporting;

public class SignalRatesTests
{
    [Fact]
    public void Table_CountsMessageSignalsPerMessage_AndLinkSignalsPerCountedLink()
    {
        var scanner = new MessageScanner(new MessageLinkExtractor(), LinkScorer.Default, new PolicyEngine(new PolicyOptions()),
            TenantProfile.For(["example.org"]));
        var graph = new CorrespondenceGraph(new InMemoryCorrespondenceStore());
        var message = new EmailMessage
        {
            From = new EmailAddress("stranger@elsewhere.example"),
            TextBody = "See http://192.0.2.7/login and https://www.example.org/news",
        };
        var verdict = scanner.Scan(message, "me@example.org", graph, DateTimeOffset.UnixEpoch);
        var rates = new SignalRates();
        rates.Add("modern external", verdict, l => l.Host == "192.0.2.7");
        rates.Add("modern external", verdict, _ => false);

        var rows = rates.Table().Split('\n');
        Assert.Contains("| | messages / links | — | — | — | — | — | — | — | 2 / 1 |", rows);
        Assert.Contains("| message | `sender.unknown` | — | — | — | — | — | — | — | 100.0% |", rows);
        Assert.Contains("| link | `link.ip-host` | — | — | — | — | — | — | — | 100.0% |", rows);
        Assert.Contains("| link | `link.tenant-domain` | — | — | — | — | — | — | — | 0.0% |", rows);
    }

    /// <summary>The rates need the whole evaluation (about a minute), too slow for the test command; so the test
    /// keeps what can drift with the code alone equal to it: the section exists, was written by the generator
    /// (its header), and lists exactly the code's signals in catalog order. A signal added, removed or renamed fails
    /// here until `--split tune --write-docs` regenerates the section.</summary>
    [Fact]
    public void ScoringDoc_ShowsTheFiringRatesOfEveryCodeSignal_AsTheGeneratorWritesThem()
    {
        var doc = File.ReadAllText(Path.Combine(DataRoot.RepositoryRoot(), "docs", "SCORING.md")).Replace("\r\n", "\n");
        var section = ScoringDoc.ReadSection(doc);
        Assert.NotNull(section);
        Assert.StartsWith(ScoringDoc.Section("", 1).TrimEnd('\n'), section);
        Assert.Contains(SignalRates.Header(), section);
        var ids = section.Split('\n').Where(l => l.StartsWith("| message |") || l.StartsWith("| link |"))
            .Select(l => l.Split('|')[2].Trim().Trim('`')).ToList();
        Assert.True(SignalRates.Signals().Select(s => s.Id).SequenceEqual(ids),
            "docs/SCORING.md's signal firing rates are out of date: run " + ScoringDoc.Command);
        var columns = SignalRates.Columns.Count;
        Assert.All(section.Split('\n').Where(l => l.StartsWith("| message |") || l.StartsWith("| link |")),
            l => Assert.Equal(columns + 4, l.Split('|').Length));
    }
}
