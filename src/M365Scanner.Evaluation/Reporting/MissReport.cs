using System.Globalization;
using M365Scanner.Core.Scoring;
using M365Scanner.Evaluation.Attacks;
using M365Scanner.Evaluation.Replay;

namespace M365Scanner.Evaluation.Reporting;

/// <summary>
/// The errors behind the table, for calibration: benign links flagged, attacks missed, and original links of a
/// lateral message flagged alongside the injected one. Each family starts with its patterns (which signals fired,
/// counted) and then lists up to N examples, the most confident errors first.
/// </summary>
public static class MissReport
{
    private const int TopReasons = 4;

    public static void Write(TextWriter output, int limit,
        IReadOnlyCollection<BenignOutcome> benign, IReadOnlyCollection<AttackOutcome> attacks)
    {
        var falsePositives = benign.SelectMany(b => b.Flagged.Select(v => (Outcome: b, Verdict: v))).ToList();
        output.WriteLine($"### Benign false positives: {falsePositives.Count} link(s) in {benign.Count(b => b.IsFlagged)} message(s)");
        output.WriteLine();
        Patterns(output, falsePositives.Select(f => Pattern(f.Verdict)));
        foreach (var (outcome, verdict) in falsePositives.OrderByDescending(f => f.Verdict.Score).Take(limit))
        {
            output.WriteLine($"- {outcome.Message.File} ({outcome.Action.ToString().ToLowerInvariant()}, from {Sender(outcome)} to {outcome.Mailbox.Owner})");
            output.WriteLine($"  link {verdict.Link.Url} score {Score(verdict.Score)}");
            Reasons(output, verdict);
        }
        output.WriteLine();

        var missed = attacks.Where(a => !a.IsCaught).ToList();
        output.WriteLine($"### Missed attacks: {missed.Count} of {attacks.Count}");
        output.WriteLine();
        Patterns(output, missed.Select(m => $"{ScenarioNames.Of(m.Attack.Scenario)}: " +
            (m.WorstInjected is { } w ? Pattern(w) : "no injected link extracted")));
        foreach (var miss in missed.OrderBy(m => m.Attack.Scenario).ThenBy(m => m.WorstInjected?.Score ?? -1).Take(limit))
        {
            var a = miss.Attack;
            var where = a.Anchor is { } anchor ? $"{anchor.File} + {a.Sample.Name}" : $"{a.Sample.Name} -> {a.Mailbox.Owner}";
            output.WriteLine($"- {ScenarioNames.Of(a.Scenario)}: {where}; injected {a.Injected}; action {miss.Action.ToString().ToLowerInvariant()}");
            if (miss.WorstInjected is { } worst)
            {
                output.WriteLine($"  worst injected link {worst.Link.Url} score {Score(worst.Score)}");
                Reasons(output, worst);
            }
            else
                output.WriteLine("  no injected link was extracted");
        }
        output.WriteLine();

        var collateral = attacks.SelectMany(a => a.OriginalFlagged.Select(v => (Outcome: a, Verdict: v))).ToList();
        output.WriteLine($"### Original links flagged in lateral attacks: {collateral.Count}");
        output.WriteLine();
        Patterns(output, collateral.Select(c => Pattern(c.Verdict)));
        foreach (var (outcome, verdict) in collateral.OrderByDescending(c => c.Verdict.Score).Take(limit))
        {
            output.WriteLine($"- {ScenarioNames.Of(outcome.Attack.Scenario)}: {outcome.Attack.Anchor?.File}");
            output.WriteLine($"  link {verdict.Link.Url} score {Score(verdict.Score)}");
            Reasons(output, verdict);
        }
        output.WriteLine();
    }

    // The signals that raised the score, by id: what a calibration would have to change.
    private static string Pattern(LinkVerdict verdict)
    {
        var raising = verdict.Reasons.Where(r => r.Weight > 0).Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        var lowering = verdict.Reasons.Where(r => r.Weight < 0).Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
        return (raising.Count == 0 ? "(nothing raised it)" : string.Join(" + ", raising)) +
               (lowering.Count == 0 ? "" : " despite " + string.Join(", ", lowering));
    }

    private static void Patterns(TextWriter output, IEnumerable<string> patterns)
    {
        var counted = patterns.GroupBy(p => p).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (counted.Count == 0)
        {
            output.WriteLine("(none)");
            return;
        }
        output.WriteLine("| count | signals |");
        output.WriteLine("|---|---|");
        foreach (var group in counted)
            output.WriteLine($"| {group.Count()} | {group.Key} |");
        output.WriteLine();
    }

    private static void Reasons(TextWriter output, LinkVerdict verdict)
    {
        foreach (var reason in verdict.Reasons.Take(TopReasons))
            output.WriteLine($"    {reason.Id} ({reason.Weight.ToString("+0.00;-0.00", CultureInfo.InvariantCulture)}): {reason.Explanation}");
    }

    private static string Sender(BenignOutcome outcome) =>
        (outcome.Message.Message.From ?? outcome.Message.Message.Sender)?.Normalized ?? "(no sender)";

    private static string Score(double score) => score.ToString("0.000", CultureInfo.InvariantCulture);
}
