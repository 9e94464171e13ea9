using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using M365Scanner.Core.Correspondence;
using M365Scanner.Storage.InMemory;
using M365Scanner.Storage.Sqlite;

namespace M365Scanner.Benchmarks.Correspondence;

/// <summary>
/// Builds the correspondence graph of a 100,000-message synthetic mailbox (a baseline), into memory and into a
/// SQLite file inside one batch, and records the resulting size per correspondent and per edge.
/// </summary>
/// <remarks>One build takes seconds, so: one launch, one warm-up, three measured builds, one call each
/// (Monitoring: no pilot stage to multiply the calls).</remarks>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
[Config(typeof(Columns))]
public class GraphBuildBenchmarks
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "m365scanner-bench", "graph-build");
    private SyntheticMailbox _mailbox = null!;

    [Params(100_000)]
    public int Messages { get; set; }

    private string DatabasePath => Path.Combine(_folder, "graph.db");

    [GlobalSetup]
    public void Generate() => _mailbox = SyntheticMailbox.Generate(Messages);

    [IterationSetup(Target = nameof(Sqlite))]
    public void DeleteDatabase()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
        Directory.CreateDirectory(_folder);
    }

    [Benchmark(Baseline = true)]
    public int InMemory()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var store = new InMemoryCorrespondenceStore();
        Learn(store);
        // Retained managed memory, measured the same way each time: the figure comparable to the file's bytes.
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        new GraphBuildFigures(store.EdgeCount, _mailbox.Correspondents, retained, "managed heap", 0).Save(nameof(GraphBuildBenchmarks), nameof(InMemory));
        GC.KeepAlive(store);
        return store.EdgeCount;
    }

    [Benchmark]
    public long Sqlite()
    {
        long edges;
        using (var store = SqliteCorrespondenceStore.OpenFile(DatabasePath))
        {
            using (store.BeginBatch())
                Learn(store);
            edges = store.CountEdges();
        }
        // Closing the last connection checkpoints the WAL into the main file and deletes it, so one file is the size.
        new GraphBuildFigures(edges, _mailbox.Correspondents, new FileInfo(DatabasePath).Length, "file", GraphBuildFigures.AverageKeyBytesIn(DatabasePath)).Save(nameof(GraphBuildBenchmarks), nameof(Sqlite));
        return edges;
    }

    [GlobalCleanup]
    public void RemoveDatabase()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private void Learn(ICorrespondenceStore store)
    {
        var graph = new CorrespondenceGraph(store);
        foreach (var (message, links, at) in _mailbox.History)
            graph.Learn(message, SyntheticMailbox.Owner, links, at);
    }

    private sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(GraphFiguresColumn.All);
    }
}
