using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace M365Scanner.Benchmarks.Correspondence;

/// <summary>A summary column showing one of the sizes a graph-build benchmark recorded (see <see cref="GraphBuildFigures"/>).</summary>
public sealed class GraphFiguresColumn(string name, Func<GraphBuildFigures, string> value) : IColumn
{
    public static readonly IColumn[] All =
    [
        new GraphFiguresColumn("Edges", f => f.Edges.ToString("N0")),
        new GraphFiguresColumn("Size", f => $"{f.Bytes / 1024.0 / 1024.0:N1} MiB ({f.BytesMeaning})"),
        new GraphFiguresColumn("B/correspondent", f => f.BytesPerCorrespondent.ToString("N0")),
        new GraphFiguresColumn("B/edge", f => f.BytesPerEdge.ToString("N1")),
    ];

    public string Id => "GraphBuild." + name;
    public string ColumnName => name;
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => false;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => $"Graph build: {name} after learning the benchmark's mailbox";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GraphBuildFigures.Load(benchmarkCase.Descriptor.Type.Name, benchmarkCase.Descriptor.WorkloadMethod.Name) is { } figures ? value(figures) : "-";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
}
