using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace M365Scanner.Benchmarks.Extraction;

/// <summary>The PDF's page count and its median time divided by it: the 5 ms target is per page.</summary>
internal sealed class PerPageColumn : IColumn
{
    public string Id => nameof(PerPageColumn);
    public string ColumnName => "Pages | Median per page";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => false;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "PdfPig's page count (? when it cannot open the file) and the median divided by it";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var name = benchmarkCase.Parameters[nameof(PdfExtractionBenchmarks.Pdf)] as string ?? "";
        var pages = PdfCorpus.Pdfs.TryGetValue(name, out var pdf) ? pdf.Pages : null;
        if (summary[benchmarkCase]?.ResultStatistics is not { } statistics)
            return $"{pages?.ToString() ?? "?"} | -";
        var perPageMs = statistics.Median / 1e6 / (pages ?? 1);
        return $"{pages?.ToString() ?? "?"} | {perPageMs:0.00} ms";
    }

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
