using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;

namespace M365Scanner.Benchmarks.Extraction;

/// <summary>
/// <see cref="PdfLinkExtractor.Extract(ReadOnlyMemory{byte}, string, ICollection{string})"/> on each PDF of
/// shared/data, one case per file: the target is 5 ms per page (the Pages and Median per page columns), and an average
/// over all files would hide the one that misses it.
/// </summary>
/// <remarks>Each case runs in its own process, so the iterations are kept short (100 ms) for the whole set to
/// finish in minutes. The bytes are decoded from the message before timing starts. A PDF PdfPig cannot open without
/// a password has no page count; its per-page figure is its whole time.
/// <para>30 warm-up iterations, not 2: the runtime optimises a method after 30 calls, and a slow file fits one or two
/// calls in an iteration, so with 2 its figure was of unoptimised code (the slower the file, the less warmed:
/// notificacao_45307374.pdf read 67 ms with 2, 14.5 ms with 30; docs/BENCHMARKS.md). The long-running host and its
/// document workers read with optimised code.</para></remarks>
[SimpleJob(launchCount: 1, warmupCount: 30, iterationCount: 5)]
[IterationTime(100)]
[MemoryDiagnoser]
[MinColumn, MedianColumn]
[Config(typeof(FullNames))]
public class PdfExtractionBenchmarks
{
    // The file name is the point of each row, so it is not shortened to "pdf-b(...)e.pdf".
    private sealed class FullNames : ManualConfig
    {
        public FullNames()
        {
            SummaryStyle = SummaryStyle.Default.WithMaxParameterColumnWidth(80);
            AddColumn(new PerPageColumn());
        }
    }

    private readonly PdfLinkExtractor _extractor = new(ExtractionLimits.Default);
    private byte[] _bytes = [];
    private string _origin = "";

    public static IEnumerable<string> Pdfs => PdfCorpus.Pdfs.Keys;

    [ParamsSource(nameof(Pdfs))]
    public string Pdf { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _bytes = PdfCorpus.Pdfs[Pdf].Bytes;
        _origin = LinkOrigin.Attachment(Path.GetFileName(Pdf), LinkOrigin.Body);
        Console.WriteLine($"// {Pdf}: {_bytes.Length} bytes");
    }

    [Benchmark]
    public int Extract() => _extractor.Extract(_bytes, _origin, new List<string>()).Count;
}
