using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.InMemory;

/// <summary>Phish reports in process memory: for tests and the offline demo. Thread-safe; one lock, as reports come
/// one by one from people.</summary>
public sealed class InMemoryPhishReportStore : IPhishReportStore
{
    // In recording order; Recent reads it backwards.
    private readonly List<PhishReport> _reports = [];
    private readonly Lock _lock = new();

    /// <inheritdoc />
    public (PhishReport Report, bool Recorded) Record(PhishReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.State != PhishReportState.Open)
            throw new ArgumentException("Only an open report can be recorded.", nameof(report));
        lock (_lock)
        {
            if (_reports.FirstOrDefault(r => r.TenantId == report.TenantId && r.ReportKey == report.ReportKey) is { } existing)
                return (existing, false);
            _reports.Add(report);
            return (report, true);
        }
    }

    /// <inheritdoc />
    public PhishReport? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_lock)
            return _reports.FirstOrDefault(r => r.Id == id);
    }

    /// <inheritdoc />
    public IReadOnlyList<PhishReport> Recent(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_lock)
            return _reports.AsEnumerable().Reverse().Take(limit).ToList();
    }

    /// <inheritdoc />
    public bool Decide(string id, PhishReportState outcome, string decidedBy, DateTimeOffset at, string? reason, IReadOnlyList<string> huntIds)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(decidedBy);
        ArgumentNullException.ThrowIfNull(huntIds);
        if (outcome == PhishReportState.Open)
            throw new ArgumentException("A decision confirms or dismisses.", nameof(outcome));
        lock (_lock)
        {
            var index = _reports.FindIndex(r => r.Id == id && r.State == PhishReportState.Open);
            if (index < 0)
                return false;
            _reports[index] = _reports[index] with
            {
                State = outcome, DecidedBy = decidedBy, DecidedAt = at, DecisionReason = reason, HuntIds = [.. huntIds],
            };
            return true;
        }
    }

    /// <inheritdoc />
    public int DeleteTenant(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        lock (_lock)
            return _reports.RemoveAll(r => r.TenantId == tenantId);
    }
}
