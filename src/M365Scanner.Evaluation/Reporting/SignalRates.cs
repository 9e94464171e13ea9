using System.Globalization;
using System.Text;
using M365Scanner.Core.Links;
using M365Scanner.Core.Scanning;
using M365Scanner.Core.Scoring;

namespace M365Scanner.Evaluation.Reporting;

/// <summary>
/// How often each signal fires, per population of messages (a benign source, an attack set): a message-level signal
/// over the population's messages, a link-level one over its links (for lateral attacks, the injected links only;
/// for benign mail and external phishing, every link). Read from the verdicts' own reasons, so it is what the scanner
/// did, not a re-computation.
/// </summary>
public sealed class SignalRates
{
    private readonly Dictionary<string, Population> _populations = new(StringComparer.Ordinal);

    /// <summary>The columns, in the order the table prints them.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "enron benign", "modern benign",
        "enron lateral-body", "enron lateral-pdf", "enron external",
        "modern lateral-body", "modern lateral-pdf", "modern external",
    ];

    /// <summary>Counts one scored message into <paramref name="population"/>; <paramref name="counts"/> picks the
    /// links that belong to it.</summary>
    public void Add(string population, ScanVerdict verdict, Func<Link, bool> counts)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        if (!_populations.TryGetValue(population, out var p))
            _populations[population] = p = new Population();
        p.Messages++;
        foreach (var hit in verdict.Score.MessageReasons)
            p.Fired[hit.Id] = p.Fired.GetValueOrDefault(hit.Id) + 1;
        foreach (var link in verdict.Score.Links.Where(v => counts(v.Link)))
        {
            p.Links++;
            foreach (var hit in link.Reasons.Where(h => LinkSignalIds.Contains(h.Id)))
                p.Fired[hit.Id] = p.Fired.GetValueOrDefault(hit.Id) + 1;
        }
    }

    /// <summary>The header of the table: fixed by the code, so a test can tell a stale table in the docs.</summary>
    public static string Header() =>
        "| level | id | " + string.Join(" | ", Columns) + " |\n|---|---|" + string.Concat(Columns.Select(_ => "---|")) + "\n";

    /// <summary>The Markdown table: one row of denominators, then one row per signal in catalog order.</summary>
    public string Table()
    {
        var text = new StringBuilder(Header());
        text.Append("| | messages / links | ")
            .Append(string.Join(" | ", Columns.Select(c => _populations.TryGetValue(c, out var p)
                ? string.Create(CultureInfo.InvariantCulture, $"{p.Messages:N0} / {p.Links:N0}") : "—")))
            .Append(" |\n");
        foreach (var (level, id) in Signals())
        {
            text.Append($"| {level} | `{id}` | ");
            text.Append(string.Join(" | ", Columns.Select(c => Cell(c, id, level == "message"))));
            text.Append(" |\n");
        }
        return text.ToString();
    }

    /// <summary>Every signal of the catalog, message-level first, as the table lists them.</summary>
    public static IEnumerable<(string Level, string Id)> Signals() =>
        SignalCatalog.MessageSignals.Select(s => ("message", s.Id)).Concat(SignalCatalog.LinkSignals.Select(s => ("link", s.Id)));

    private string Cell(string column, string id, bool perMessage)
    {
        if (!_populations.TryGetValue(column, out var p))
            return "—";
        var total = perMessage ? p.Messages : p.Links;
        return total == 0 ? "—" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * p.Fired.GetValueOrDefault(id) / total:0.0}%");
    }

    private static readonly HashSet<string> LinkSignalIds = [.. SignalCatalog.LinkSignals.Select(s => s.Id)];

    private sealed class Population
    {
        public long Messages;
        public long Links;
        public Dictionary<string, long> Fired { get; } = new(StringComparer.Ordinal);
    }
}
