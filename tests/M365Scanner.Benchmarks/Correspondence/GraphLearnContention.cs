using System.Diagnostics;
using System.Globalization;
using M365Scanner.Core.Correspondence;
using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Sqlite;
using Npgsql;

namespace M365Scanner.Benchmarks.Correspondence;

/// <summary>
/// How fast one tenant learns when several hosts learn it at once, live scans beside baseline pages. (Written when every
/// <see cref="CorrespondenceGraph.Learn"/> ran in a batch holding the tenant's graph lock exclusively; learning is now
/// one <see cref="ICorrespondenceStore.AddWithFollowUp"/> under the shared lock: docs/BENCHMARKS.md has both.) Measures learns per
/// second and per-learn latency with 1, 2, 4, 8 concurrent learners, each with a store and a connection pool of its
/// own (as separate hosts have): (a) all on one tenant, (b) each on its own tenant, (c) four on one tenant while a
/// fifth learns baseline pages (a batch of <c>--page</c> messages, back to back, and <c>--page-gap</c> ms apart as
/// one mailbox's baseline against Graph is) of the same tenant; and (a) on one
/// SQLite file for comparison. Not a BenchmarkDotNet suite: contention between threads is the point.
/// </summary>
/// <remarks>
/// <para><c>dotnet run -c Release --project tests/M365Scanner.Benchmarks -- graph-learn-contention [--edges 200000]
/// [--seconds 3] [--learners 1,2,4,8] [--page 100] [--page-gap 300] [--postgres "Host=...;Username=...;Database=..."]</c>; the
/// PostgreSQL connection string defaults to <c>M365SCANNER_TEST_POSTGRES</c>; without either, only SQLite runs.
/// PostgreSQL gets a schema of its own, dropped at the end.</para>
/// <para>Every tenant is first loaded with <c>--edges</c> edges of <see cref="SyntheticTenant"/> (the same keys for
/// each), so learns update existing rows and insert new ones in a realistic mix. Messages come from
/// <see cref="SyntheticTenant.Message"/> and are learned as a scan's are (Learn with the message's links); each
/// learner warms up (pool, prepared statements) before the measured window, and only learns finished inside the
/// window count.</para>
/// </remarks>
public static class GraphLearnContention
{
    private const int MessagesPerLearner = 15_000, WarmUpLearns = 30;
    private static int _measurements;

    public static int Run(string[] args)
    {
        var edgeCount = int.Parse(GraphStoreScale.Option(args, "--edges", "200000"), CultureInfo.InvariantCulture);
        var window = TimeSpan.FromSeconds(double.Parse(GraphStoreScale.Option(args, "--seconds", "3"), CultureInfo.InvariantCulture));
        var page = int.Parse(GraphStoreScale.Option(args, "--page", "100"), CultureInfo.InvariantCulture);
        var gap = TimeSpan.FromMilliseconds(int.Parse(GraphStoreScale.Option(args, "--page-gap", "300"), CultureInfo.InvariantCulture));
        var counts = GraphStoreScale.Option(args, "--learners", "1,2,4,8").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        var postgres = GraphStoreScale.Option(args, "--postgres", Environment.GetEnvironmentVariable("M365SCANNER_TEST_POSTGRES") ?? "");

        var edges = new SyntheticTenant(seed: 7).Edges(edgeCount);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{edges.Length:N0} edges per tenant; {window.TotalSeconds:0.#} s per measurement; baseline page {page} messages; {Environment.ProcessorCount} cores; load average {LoadAverage()}"));
        Console.WriteLine("| Store | Case | Live learners | Live learns/s | Live learn p50 / p99 / mean, max | Baseline pages: held p50 / max |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");

        if (postgres.Length > 0)
            RunPostgres(postgres, edges, counts, window, page, gap);
        else
            Console.WriteLine("PostgreSQL skipped: pass --postgres or set M365SCANNER_TEST_POSTGRES (see .ci/postgres-start).");
        RunSqlite(edges, counts, window);
        Console.WriteLine($"load average at the end: {LoadAverage()}");
        return 0;
    }

    private static void RunPostgres(string postgres, EdgeKey[] edges, int[] counts, TimeSpan window, int page, TimeSpan gap)
    {
        var schema = "bench_" + Guid.NewGuid().ToString("N");
        GraphStoreScale.Execute(postgres, $"CREATE SCHEMA {schema};");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema }.ToString();
            var watch = Stopwatch.StartNew();
            foreach (var tenant in Enumerable.Range(0, counts.Max()).Select(TenantId))
            {
                using var database = new PostgresDatabase(connectionString);
                using var store = new PostgresCorrespondenceStore(database, tenant);
                GraphStoreScale.Load(store, edges);
            }
            GraphStoreScale.Execute(connectionString, "VACUUM ANALYZE edges;");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"PostgreSQL: {counts.Max()} tenants of {edges.Length:N0} edges loaded in {watch.Elapsed.TotalSeconds:0.0} s"));

            Opened Open(string tenant)
            {
                // A database (data source, so pool) per learner: separate hosts share nothing but the server.
                var database = new PostgresDatabase(connectionString);
                var store = new PostgresCorrespondenceStore(database, tenant);
                return new Opened(store, store, database);
            }
            foreach (var n in counts)
                Print("PostgreSQL", "(a) one tenant", Measure(n, _ => TenantId(0), Open, window, baselinePage: 0));
            foreach (var n in counts)
                Print("PostgreSQL", "(b) a tenant each", Measure(n, TenantId, Open, window, baselinePage: 0));
            Print("PostgreSQL", "(c) baseline pages alone, back to back", Measure(0, _ => TenantId(0), Open, window, page, TimeSpan.Zero));
            Print("PostgreSQL", "(c) one tenant + baseline pages back to back", Measure(4, _ => TenantId(0), Open, window, page, TimeSpan.Zero));
            Print("PostgreSQL", $"(c) one tenant + baseline pages {gap.TotalMilliseconds:0} ms apart",
                Measure(4, _ => TenantId(0), Open, window, page, gap));
        }
        finally
        {
            GraphStoreScale.Execute(postgres, $"DROP SCHEMA {schema} CASCADE;");
        }
    }

    private static void RunSqlite(EdgeKey[] edges, int[] counts, TimeSpan window)
    {
        var folder = Directory.CreateTempSubdirectory("m365scanner-bench-learn-");
        try
        {
            var path = Path.Combine(folder.FullName, "graph.db");
            using (var store = SqliteCorrespondenceStore.OpenFile(path))
                GraphStoreScale.Load(store, edges);
            // A store (connection) per learner on the one file, as separate hosts would open it.
            Opened Open(string tenant)
            {
                var store = SqliteCorrespondenceStore.OpenFile(path);
                return new Opened(store, store);
            }
            foreach (var n in counts)
                Print("SQLite file", "(a) one tenant", Measure(n, _ => TenantId(0), Open, window, baselinePage: 0));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Runs <paramref name="learners"/> live learners (and, when <paramref name="baselinePage"/> is above
    /// zero, one baseline learner on tenant 0, pausing <paramref name="pageGap"/> between pages as a Graph page fetch
    /// would) for <paramref name="window"/>, each on a store of its own.</summary>
    private static Result Measure(int learners, Func<int, string> tenantOf, Func<string, Opened> open, TimeSpan window, int baselinePage,
        TimeSpan pageGap = default)
    {
        // Fresh messages for every measurement: a message learned before would find all its edges and add no new ones.
        var seed = 1000 * Interlocked.Increment(ref _measurements);
        var workers = Enumerable.Range(0, learners)
            .Select(i => new Worker(open(tenantOf(i)), new SyntheticTenant(seed + i), baselinePage: 0, pageGap))
            .ToList();
        if (baselinePage > 0)
            workers.Add(new Worker(open(TenantId(0)), new SyntheticTenant(seed + 999), baselinePage, pageGap));
        try
        {
            using var ready = new CountdownEvent(workers.Count);
            using var go = new ManualResetEventSlim();
            var threads = workers.Select(w => new Thread(() => w.Run(ready, go)) { IsBackground = true }).ToList();
            threads.ForEach(t => t.Start());
            ready.Wait();
            var start = Stopwatch.GetTimestamp();
            go.Set();
            // The measured window itself: learners run for a fixed time and the rate is counted over it (a benchmark,
            // not a test waiting for a condition).
            Thread.Sleep(window);
            var end = Stopwatch.GetTimestamp();
            foreach (var worker in workers)
                worker.Stop();
            threads.ForEach(t => t.Join());
            if (workers.FirstOrDefault(w => w.Failure is not null) is { } failed)
                throw new InvalidOperationException("a learner failed", failed.Failure);

            var seconds = Stopwatch.GetElapsedTime(start, end).TotalSeconds;
            double[] Within(IEnumerable<Worker> some) =>
                [.. some.SelectMany(w => w.Timings).Where(t => t.Start >= start && t.End <= end).Select(t => t.Milliseconds)];
            return new Result(learners, seconds, Within(workers.Where(w => !w.IsBaseline)), Within(workers.Where(w => w.IsBaseline)));
        }
        finally
        {
            workers.ForEach(w => w.Store.Dispose());
        }
    }

    private static void Print(string store, string name, Result result)
    {
        var live = result.Live.Length == 0 ? "-" : string.Create(CultureInfo.InvariantCulture,
            $"{GraphStoreScale.Summary(result.Live)}, max {result.Live.Max():0.0} ms");
        var pages = result.Pages.Length == 0 ? "-" : string.Create(CultureInfo.InvariantCulture,
            $"{result.Pages.Length / result.Seconds:0.0}/s, held {Percentile(result.Pages, 0.5):0} / {result.Pages.Max():0} ms");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {store} | {name} | {result.Learners} | {(result.Learners == 0 ? "-" : (result.Live.Length / result.Seconds).ToString("N0", CultureInfo.InvariantCulture))} | {live} | {pages} |"));
    }

    private static double Percentile(double[] values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
    }

    private static string TenantId(int n) => $"11111111-aaaa-4bbb-8ccc-{n:D12}";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed record Result(int Learners, double Seconds, double[] Live, double[] Pages);

    /// <summary>A store and what must be disposed with it (its database, for PostgreSQL).</summary>
    private sealed class Opened(ICorrespondenceStore store, params IDisposable[] owned) : IDisposable
    {
        public ICorrespondenceStore Store => store;

        public void Dispose()
        {
            foreach (var item in owned)
                item.Dispose();
        }
    }

    /// <summary>One learner on a store of its own: a live one learns one message at a time (timing each learn), a
    /// baseline one learns pages of messages in one batch each, as BaselineJob does (timing each page).</summary>
    private sealed class Worker(Opened store, SyntheticTenant tenant, int baselinePage, TimeSpan pageGap)
    {
        private readonly LearnedMessage[] _messages = [.. Enumerable.Range(0, MessagesPerLearner).Select(_ => tenant.Message())];
        private volatile bool _stop;
        private int _next;

        public Opened Store => store;
        public bool IsBaseline => baselinePage > 0;
        public List<(long Start, long End, double Milliseconds)> Timings { get; } = [];
        public Exception? Failure { get; private set; }

        public void Stop() => _stop = true;

        public void Run(CountdownEvent ready, ManualResetEventSlim go)
        {
            var graph = new CorrespondenceGraph(store.Store);
            try
            {
                for (var i = 0; i < WarmUpLearns; i++)
                    LearnOne(graph);
            }
            catch (Exception e)
            {
                Failure = e;
            }
            ready.Signal();
            go.Wait();
            try
            {
                while (!_stop && Failure is null)
                {
                    var start = Stopwatch.GetTimestamp();
                    if (IsBaseline)
                        LearnPage(graph);
                    else
                        LearnOne(graph);
                    var end = Stopwatch.GetTimestamp();
                    Timings.Add((start, end, Stopwatch.GetElapsedTime(start, end).TotalMilliseconds));
                    // Stands in for the Graph page requests between two baseline pages (hundreds of ms in the host).
                    if (IsBaseline && pageGap > TimeSpan.Zero)
                        Thread.Sleep(pageGap);
                }
            }
            catch (Exception e)
            {
                Failure = e;
            }
        }

        private void LearnOne(CorrespondenceGraph graph)
        {
            var m = _messages[_next++ % _messages.Length];
            // As ScanMessageJob does through MessageScanner.Learn: the message, its mailbox, its unflagged links, now.
            graph.Learn(m.Message, m.Mailbox, m.Links, DateTimeOffset.UtcNow);
        }

        /// <summary>BaselineJob's page without the fetch and link extraction: read the page's baseline marks, then
        /// learn the page with its marks in one <see cref="CorrespondenceGraph.LearnAll"/> (one batch, two writes).</summary>
        private void LearnPage(CorrespondenceGraph graph)
        {
            var page = Enumerable.Range(0, baselinePage).Select(i => _messages[(_next + i) % _messages.Length]).ToArray();
            _next += baselinePage;
            // BaselineLedger's mark is a 22-character hash of the Graph id; the message id's first 22 characters
            // (random hex) stand in for it.
            EdgeKey Mark(LearnedMessage m) => new(EdgeKind.BaselineMessage, m.Mailbox, m.Message.InternetMessageId![..22]);
            var at = DateTimeOffset.UtcNow.AddDays(-30);
            store.Store.Read([.. page.Select(Mark)]);
            graph.LearnAll([.. page.Select(m => new MessageToLearn(m.Message, m.Mailbox, m.Links, at))],
                [.. page.Select(m => new EdgeObservation(Mark(m), at))]);
        }
    }
}
