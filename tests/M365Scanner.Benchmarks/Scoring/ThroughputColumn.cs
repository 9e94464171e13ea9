using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace M365Scanner.Benchmarks.Scoring;

/// <summary>A summary column with the counts one operation scores (see <see cref="ScoringFigures"/>), or the
/// rate they imply: the count divided by the mean time per operation.</summary>
public sealed class ThroughputColumn(string name, Func<ScoringFigures, int> count, bool perSecond) : IColumn
{
    public static readonly IColumn[] All =
    [
        new ThroughputColumn("Messages", f => f.Messages, perSecond: false),
        new ThroughputColumn("Links", f => f.Links, perSecond: false),
        new ThroughputColumn("Messages/s", f => f.Messages, perSecond: true),
        new ThroughputColumn("Links/s", f => f.Links, perSecond: true),
    ];

    public string Id => "Scoring." + name;
    public string ColumnName => name;
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => perSecond
        ? $"{name}: {name[..name.IndexOf('/')]} per operation divided by the mean time per operation"
        : $"{name} scored by one operation";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (ScoringFigures.Load(benchmarkCase.Descriptor.Type.Name) is not { } figures)
            return "-";
        if (!perSecond)
            return count(figures).ToString("N0");
        return summary[benchmarkCase]?.ResultStatistics?.Mean is > 0 and var nanoseconds
            ? (count(figures) / (nanoseconds / 1e9)).ToString("N0")
            : "-";
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
}
