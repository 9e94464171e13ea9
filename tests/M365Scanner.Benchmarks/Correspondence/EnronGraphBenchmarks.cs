using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Storage.InMemory;
using M365Scanner.Storage.Sqlite;

namespace M365Scanner.Benchmarks.Correspondence;

/// <summary>
/// Builds the correspondence graph of the largest real Enron inbox (parsed and extracted once, in setup), into memory
/// and into a SQLite file inside one batch, and records the size per correspondent and per edge.
/// </summary>
/// <remarks>The sizes are measured once per process in setup, outside the timed builds: a full GC before and after
/// an in-memory build would cost as much as the build itself at this scale. A SQLite build starts from no file
/// (deleted in iteration setup, so BenchmarkDotNet times one build per iteration); opening the file, creating the
/// schema and the final checkpoint on close are part of the time. That makes the two builds run as two jobs (one
/// call per iteration for SQLite, as many as fit for memory), so there is no ratio column: compare the means.
/// Min and median are shown because the benchmark machine is shared and a mean absorbs other processes' bursts.</remarks>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 15)]
[MinColumn, MedianColumn]
[MemoryDiagnoser]
[Config(typeof(Columns))]
public class EnronGraphBenchmarks
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "m365scanner-bench", "enron-graph");
    private EnronMailbox _mailbox = null!;

    private string DatabasePath => Path.Combine(_folder, "graph.db");

    [GlobalSetup(Target = nameof(InMemory))]
    public void MeasureInMemory()
    {
        Load();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var store = new InMemoryCorrespondenceStore();
        Learn(store);
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        new GraphBuildFigures(store.EdgeCount, _mailbox.Correspondents, retained, "managed heap", 0)
            .Save(nameof(EnronGraphBenchmarks), nameof(InMemory));
        GC.KeepAlive(store);
    }

    [GlobalSetup(Target = nameof(Sqlite))]
    public void MeasureSqlite()
    {
        Load();
        DeleteDatabase();
        var edges = Sqlite();
        new GraphBuildFigures(edges, _mailbox.Correspondents, new FileInfo(DatabasePath).Length, "file",
            GraphBuildFigures.AverageKeyBytesIn(DatabasePath)).Save(nameof(EnronGraphBenchmarks), nameof(Sqlite));
    }

    [IterationSetup(Target = nameof(Sqlite))]
    public void DeleteDatabase()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
        Directory.CreateDirectory(_folder);
    }

    [Benchmark]
    public int InMemory()
    {
        var store = new InMemoryCorrespondenceStore();
        Learn(store);
        return store.EdgeCount;
    }

    [Benchmark]
    public long Sqlite()
    {
        // Closing the last connection checkpoints the WAL into the main file and deletes it, so one file is the size.
        using var store = SqliteCorrespondenceStore.OpenFile(DatabasePath);
        using (store.BeginBatch())
            Learn(store);
        return store.CountEdges();
    }

    [GlobalCleanup]
    public void RemoveDatabase()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private void Load()
    {
        _mailbox = EnronMailbox.LoadLargest(new MessageLinkExtractor());
        Console.WriteLine($"// {_mailbox}");
    }

    private void Learn(ICorrespondenceStore store)
    {
        var graph = new CorrespondenceGraph(store);
        foreach (var (message, links, at) in _mailbox.History)
            graph.Learn(message, _mailbox.Owner, links, at);
    }

    private sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(GraphFiguresColumn.All);
    }
}
