using M365Scanner.Core.Operations;

namespace M365Scanner.Host.AnalystConsole.Pages.Hunts;

/// <summary>How hunt pages word a report's settings and a match's outcome.</summary>
public static class HuntText
{
    public const string ReportOnly = "report only";

    public static string Window(int hours) => hours % 24 == 0 ? $"{hours / 24} day(s)" : $"{hours} hour(s)";

    public static string Mode(HuntReport report) => report.Act ? "act" : ReportOnly;

    public static string Scope(HuntReport report) => report.TenantId ?? "all tenants";

    public static string What(HuntReport report) => report.Indicator ?? "re-score recent mail";

    public static bool IsRunning(HuntReport report) => report.State is HuntState.Queued or HuntState.Running;

    /// <summary>A match's outcome: the action carried out, or "report only" when it was only reported.</summary>
    public static string Outcome(HuntMatch match) => match.Action == "report" ? ReportOnly : match.Action;

    public static string When(DateTimeOffset? at) => at is { } t ? t.ToString("yyyy-MM-dd HH:mm:ss") + " UTC" : "—";
}
