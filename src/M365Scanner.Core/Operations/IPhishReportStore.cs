namespace M365Scanner.Core.Operations;

/// <summary>
/// Users' phish reports and the analysts' decisions on them: at most one report per report message, so a duplicate
/// notification or a catch-up that finds the same report records nothing twice.
/// </summary>
/// <remarks>Each call is atomic on its own; two hosts recording the same report at once leave one.</remarks>
public interface IPhishReportStore
{
    /// <summary>Records <paramref name="report"/> (state <see cref="PhishReportState.Open"/>) unless a report with its
    /// tenant and <see cref="PhishReport.ReportKey"/> exists; returns the report in force and whether it is the new one.</summary>
    /// <exception cref="ArgumentException">The report is not open.</exception>
    (PhishReport Report, bool Recorded) Record(PhishReport report);

    /// <summary>The report with this id, or null.</summary>
    PhishReport? Get(string id);

    /// <summary>The latest reports, newest first, at most <paramref name="limit"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    IReadOnlyList<PhishReport> Recent(int limit);

    /// <summary>Records an analyst's decision on an open report, with the hunts a confirmation started; false (nothing
    /// changed) when the report is unknown or already decided, so two analysts answering at once leave the first.</summary>
    /// <exception cref="ArgumentException"><paramref name="outcome"/> is <see cref="PhishReportState.Open"/>.</exception>
    bool Decide(string id, PhishReportState outcome, string decidedBy, DateTimeOffset at, string? reason, IReadOnlyList<string> huntIds);

    /// <summary>Deletes every report of the tenant (offboarding: they name its users); returns how many.</summary>
    int DeleteTenant(string tenantId);
}
