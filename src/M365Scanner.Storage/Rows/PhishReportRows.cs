using System.Text.Json;
using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.Rows;

/// <summary>The <c>phish_reports</c> table's columns, the state names and the list columns' encoding (a JSON array of
/// strings), shared by both SQL providers.</summary>
internal static class PhishReportRows
{
    public const string Columns =
        "id, tenant_id, report_key, reporter, reporter_verified, reported_at, original_message_id, original_sender, " +
        "original_subject, links, notes, state, decided_by, decided_at, decision_reason, hunt_ids";

    public static string StateName(PhishReportState state) => state switch
    {
        PhishReportState.Open => "open",
        PhishReportState.Confirmed => "confirmed",
        PhishReportState.Dismissed => "dismissed",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static PhishReportState State(string name) => name switch
    {
        "open" => PhishReportState.Open,
        "confirmed" => PhishReportState.Confirmed,
        "dismissed" => PhishReportState.Dismissed,
        _ => throw new InvalidDataException($"Unknown phish report state '{name}'."),
    };

    public static string List(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    public static IReadOnlyList<string> List(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];

    public static void CheckDecision(PhishReportState outcome)
    {
        if (outcome == PhishReportState.Open)
            throw new ArgumentException("A decision confirms or dismisses.", nameof(outcome));
    }

    public static void CheckRecorded(PhishReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.State != PhishReportState.Open)
            throw new ArgumentException("Only an open report can be recorded.", nameof(report));
    }
}
