using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using M365Scanner.Benchmarks.Correspondence;
using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Scanning;
using M365Scanner.Core.Scoring;
using M365Scanner.Storage.InMemory;
using M365Scanner.Storage.Sqlite;

namespace M365Scanner.Benchmarks.Scoring;

/// <summary>
/// Scoring throughput on real mail: the graph learns the oldest 70% of the largest Enron inbox, then one operation
/// scores the newest 30% in Date order, "now" being each message's date, in three depths: the scorer alone, with
/// the graph read, and the whole <see cref="MessageScanner.Scan"/> (link extraction and policy included).
/// </summary>
/// <remarks>
/// <para>Unlike the CLI's offline scan, nothing is learned between the scored messages: every operation must see the
/// same graph, or later iterations would measure a different (larger) one. One Learn per message costs about what
/// the graph-build benchmarks measure per message.</para>
/// <para>The SQLite graph is a file, read outside any batch, so each Describe is one read transaction as in the live
/// service; the in-memory store (a dictionary lookup per key) is the lower bound.</para>
/// <para>Min and median are shown because the benchmark machine is shared: the rate columns use the mean, the
/// conservative figure, and the minimum tells what the code costs when it has a core to itself.</para>
/// </remarks>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 15)]
[MinColumn, MedianColumn]
[MemoryDiagnoser]
[Config(typeof(Columns))]
public class ScoringBenchmarks
{
    public enum StoreKind { InMemory, Sqlite }

    private const double HistoryShare = 0.7;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "m365scanner-bench", "scoring");
    private readonly MessageLinkExtractor _extractor = new();
    private readonly LinkScorer _scorer = LinkScorer.Default;
    private readonly TenantProfile _tenant = TenantProfile.For([EnronMailbox.TenantDomain]);
    private MessageScanner _scanner = null!;
    private SqliteCorrespondenceStore? _sqlite;
    private CorrespondenceGraph _graph = null!;
    private string _owner = "";
    private IReadOnlyList<(EmailMessage Message, IReadOnlyList<Link> Links, DateTimeOffset At)> _scored = [];
    private IReadOnlyList<MessageContext> _described = [];

    [ParamsAllValues]
    public StoreKind Store { get; set; }

    [GlobalSetup]
    public void LearnHistory()
    {
        var mailbox = EnronMailbox.LoadLargest(_extractor);
        Console.WriteLine($"// {mailbox}");
        _owner = mailbox.Owner;
        var (older, newer) = mailbox.Split(HistoryShare);
        _scored = newer;

        ICorrespondenceStore store;
        if (Store == StoreKind.Sqlite)
        {
            RemoveDatabase();
            Directory.CreateDirectory(_folder);
            store = _sqlite = SqliteCorrespondenceStore.OpenFile(Path.Combine(_folder, "graph.db"));
        }
        else
            store = new InMemoryCorrespondenceStore();
        _graph = new CorrespondenceGraph(store);
        using (store.BeginBatch())
        {
            foreach (var (message, links, at) in older)
                _graph.Learn(message, _owner, links, at);
        }

        _scanner = new MessageScanner(_extractor, _scorer, new PolicyEngine(new PolicyOptions()), _tenant);
        _described = [.. _scored.Select(s =>
            new MessageContext(s.Message, _owner, s.Links, _graph.Describe(s.Message, _owner, s.Links), _tenant, s.At))];
        new ScoringFigures(older.Count, _scored.Count, _scored.Sum(s => s.Links.Count)).Save(nameof(ScoringBenchmarks));
    }

    /// <summary>The scorer alone, over links extracted and history read in setup: pure CPU.</summary>
    [Benchmark]
    public double ScoreOnly()
    {
        var total = 0.0;
        foreach (var context in _described)
            total += _scorer.Score(context).Score;
        return total;
    }

    /// <summary>Reads each message's history from the store, then scores it.</summary>
    [Benchmark]
    public double DescribeAndScore()
    {
        var total = 0.0;
        foreach (var (message, links, at) in _scored)
        {
            var history = _graph.Describe(message, _owner, links);
            total += _scorer.Score(new MessageContext(message, _owner, links, history, _tenant, at)).Score;
        }
        return total;
    }

    /// <summary>The whole pipeline for a parsed message: extraction, history, score and policy decision.</summary>
    [Benchmark]
    public double FullScan()
    {
        var total = 0.0;
        foreach (var (message, _, at) in _scored)
            total += _scanner.Scan(message, _owner, _graph, at).Score.Score;
        return total;
    }

    [GlobalCleanup]
    public void RemoveDatabase()
    {
        _sqlite?.Dispose();
        _sqlite = null;
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(ThroughputColumn.All);
    }
}
