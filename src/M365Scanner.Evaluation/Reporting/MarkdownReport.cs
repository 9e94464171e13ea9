using M365Scanner.Evaluation.Attacks;

namespace M365Scanner.Evaluation.Reporting;

/// <summary>Prints one block of the result table in Markdown, with targets and pass/fail marks.</summary>
public static class MarkdownReport
{
    public static void Write(TextWriter output, SplitMetrics metrics)
    {
        output.WriteLine($"### Split: {metrics.Name} ({metrics.Mailboxes} mailboxes, {metrics.Samples} phishing samples)");
        output.WriteLine();
        output.WriteLine("| Scenario | Measure | Result | Target | |");
        output.WriteLine("|---|---|---|---|---|");
        Row(output, "benign", "messages flagged (rewrite or quarantine)", metrics.BenignMessagesFlagged, Targets.BenignMessagesFlagged);
        Row(output, "benign", "links rewritten", metrics.BenignLinksRewritten, Targets.BenignLinksRewritten);
        Row(output, "benign", "acted on with content not fully read (fail-safe)", metrics.BenignFailSafe, Targets.BenignMessagesFlagged);
        foreach (var scenario in new[] { Scenario.LateralBody, Scenario.LateralPdf })
        {
            var s = metrics.Scenarios[scenario];
            var name = ScenarioNames.Of(scenario);
            Row(output, name, "messages flagged", s.Flagged, Targets.LateralFlagged);
            Row(output, name, "injected link flagged", s.InjectedFlagged, Targets.LateralInjectedFlagged);
            if (s.InjectedFlaggedByCount.Total > 0)
            {
                Row(output, name, "injected link flagged, carrier established by the scanner's rule", s.InjectedFlaggedByRule, Targets.LateralInjectedFlagged);
                Row(output, name, "injected link flagged, carrier's author had 3+ messages before (any span)", s.InjectedFlaggedByCount, Targets.LateralInjectedFlagged);
            }
            if (scenario == Scenario.LateralPdf)
                Row(output, name, "injected links flagged, one by one", s.InjectedLinksFlagged, null);
            Row(output, name, "original links left alone", s.OriginalsLeftAlone, Targets.LateralOriginalsLeftAlone);
        }
        var external = metrics.Scenarios[Scenario.External];
        Row(output, "external", "messages flagged", external.Flagged, Targets.ExternalFlagged);
        Row(output, "external", "messages quarantined", external.Quarantined, null);
        Row(output, "external", "flagged, among samples with ≥ 1 link", external.FlaggedWithLinks, null);
        output.WriteLine();
    }

    private static void Row(TextWriter output, string scenario, string measure, Ratio ratio, Target? target) =>
        output.WriteLine($"| {scenario} | {measure} | {ratio} | {target?.ToString() ?? "—"} | {target?.Check(ratio) ?? ""} |");
}
