using M365Scanner.Core.Operations;

namespace M365Scanner.Host.AnalystConsole.Pages.Reports;

/// <summary>A phish report as the reports page lists it: the report and the scanner's own verdict on the original in
/// the reporter's mailbox, when it scanned it (looked up as the page is drawn, so a verdict recorded after the report
/// still shows).</summary>
public sealed record ReportRow(PhishReport Report, VerdictRecord? Verdict)
{
    public static ReportRow Of(PhishReport report, IVerdictStore verdicts) =>
        new(report, report.OriginalKey is { } key ? verdicts.Get(key) : null);
}
