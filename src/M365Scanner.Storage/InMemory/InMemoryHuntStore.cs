using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.InMemory;

/// <summary>Hunt reports in process memory: for tests and the offline demo. Thread-safe.</summary>
public sealed class InMemoryHuntStore : IHuntStore
{
    private readonly List<HuntReport> _reports = [];
    private readonly Lock _lock = new();

    public void Save(HuntReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        lock (_lock)
        {
            var index = _reports.FindIndex(r => r.Id == report.Id);
            if (index >= 0)
                _reports[index] = report;
            else
                _reports.Add(report);
        }
    }

    public HuntReport? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_lock)
            return _reports.Find(r => r.Id == id);
    }

    public IReadOnlyList<HuntReport> Recent(int limit)
    {
        lock (_lock)
            return Newest().Take(Math.Max(0, limit)).ToList();
    }

    public HuntReport? Latest(string indicator, string source)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(source);
        lock (_lock)
            return Newest().FirstOrDefault(r => r.Kind == HuntKind.Ioc && r.Indicator == indicator && r.Source == source);
    }

    public IReadOnlyList<string> HuntedIndicators()
    {
        lock (_lock)
        {
            return _reports.Where(r => r.Kind == HuntKind.Ioc && r.State == HuntState.Completed && r.Indicator is not null)
                .Select(r => r.Indicator!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        }
    }

    // Newest created first; among equal times, the later insertion first (as SQLite's rowid order).
    private IEnumerable<HuntReport> Newest() =>
        _reports.Select((r, i) => (r, i)).OrderByDescending(x => x.r.CreatedAt).ThenByDescending(x => x.i).Select(x => x.r);
}
