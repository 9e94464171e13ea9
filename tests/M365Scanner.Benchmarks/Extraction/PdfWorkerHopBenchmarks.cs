using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.DocumentWorker;
using M365Scanner.DocumentWorker.Pool;

namespace M365Scanner.Benchmarks.Extraction;

/// <summary>
/// What parsing PDFs in worker processes costs against parsing them in-process, in three groups, each against its
/// own baseline: the 7 PDFs of shared/data/pdf-benign read one after another (<c>All7</c>), the smallest of them
/// alone (<c>OneSmall</c>: the fixed cost of the hop, which a big parse hides), each with <see cref="PdfLinkExtractor"/>
/// as the scan ran before the pool (baseline), with the same extractor without its time budget (what a worker runs
/// inside), and through a <see cref="PdfWorkerPool"/> whose worker is already running and warm; and (<c>ColdStart</c>)
/// what one worker costs to start until it is ready, and to start and read its first PDF (its own JIT included).
/// </summary>
/// <remarks>The Allocated column counts this process only: a worker's allocations are in the worker. The PDFs are
/// in memory before timing starts.</remarks>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
[MinColumn, MedianColumn] // on a shared 2-core machine the minimum is the figure least disturbed by other load
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory), CategoriesColumn]
public class PdfWorkerHopBenchmarks
{
    private readonly PdfLinkExtractor _inProcess = new(ExtractionLimits.Default);
    private readonly PdfLinkExtractor _inProcessNoBudget = new(ExtractionLimits.Default with { PdfTimeBudget = Timeout.InfiniteTimeSpan });
    private readonly DocumentWorkerOptions _options = new() { MaxWorkers = 1 };
    private (string Origin, byte[] Bytes)[] _pdfs = [];
    private (string Origin, byte[] Bytes)[] _smallest = [];
    private PdfWorkerPool? _warm;

    [GlobalSetup]
    public void Setup()
    {
        _pdfs = System.IO.Directory.GetFiles(SharedData.PathOf("pdf-benign"), "*.pdf")
            .Order(StringComparer.Ordinal)
            .Select(path => (LinkOrigin.Attachment(Path.GetFileName(path)), File.ReadAllBytes(path)))
            .ToArray();
        _smallest = [_pdfs.MinBy(p => p.Bytes.Length)];
        _warm = new PdfWorkerPool(_options, ExtractionLimits.Default);
        var links = Read(_warm, _pdfs); // starts the worker and warms its JIT on the same documents
        Console.WriteLine($"// {_pdfs.Length} PDFs, {_pdfs.Sum(p => p.Bytes.Length)} bytes, {links} links");
    }

    [GlobalCleanup]
    public void Cleanup() => _warm?.Dispose();

    [Benchmark(Baseline = true), BenchmarkCategory("All7")]
    public int InProcess() => Read(_inProcess, _pdfs);

    [Benchmark, BenchmarkCategory("All7")]
    public int InProcessNoTimeBudget() => Read(_inProcessNoBudget, _pdfs);

    [Benchmark, BenchmarkCategory("All7")]
    public int ThroughWarmWorker() => Read(_warm!, _pdfs);

    [Benchmark(Baseline = true), BenchmarkCategory("OneSmall")]
    public int InProcessSmallest() => Read(_inProcess, _smallest);

    [Benchmark, BenchmarkCategory("OneSmall")]
    public int InProcessNoTimeBudgetSmallest() => Read(_inProcessNoBudget, _smallest);

    [Benchmark, BenchmarkCategory("OneSmall")]
    public int ThroughWarmWorkerSmallest() => Read(_warm!, _smallest);

    /// <summary>Start one worker process and wait for its hello, then kill it.</summary>
    [Benchmark, BenchmarkCategory("ColdStart")]
    public int ColdStartOneWorker()
    {
        using var worker = WorkerProcess.Start(WorkerLauncher.Locate().StartInfo(512L << 20, new Dictionary<string, string>()),
            TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50));
        return worker.Id;
    }

    /// <summary>A fresh pool's first PDF (the smallest benign one): start, hello, the worker's first parse (its JIT),
    /// and the kill at dispose.</summary>
    [Benchmark, BenchmarkCategory("ColdStart")]
    public int ColdStartAndFirstPdf()
    {
        using var pool = new PdfWorkerPool(_options, ExtractionLimits.Default);
        return Read(pool, _smallest);
    }

    private static int Read(IPdfLinkReader reader, (string Origin, byte[] Bytes)[] pdfs)
    {
        var links = 0;
        foreach (var (origin, bytes) in pdfs)
            links += reader.Extract(bytes, origin, new List<string>(), []).Count;
        return links;
    }
}
