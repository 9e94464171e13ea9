using System.Diagnostics;
using System.Globalization;
using M365Scanner.Core.Correspondence;
using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Sqlite;
using Npgsql;

namespace M365Scanner.Benchmarks.Correspondence;

/// <summary>
/// Graph store size and lookup latency at scale: loads <c>--edges</c> (default 1,000,000) synthetic edges of one
/// tenant into a SQLite file and into PostgreSQL, and prints load time, size on disk, and the latency of the Read a
/// scan makes (26 keys, some missing) on a store just opened ("cold-ish") and on the same key sets again
/// ("warm"). Not a BenchmarkDotNet suite: a load is a one-off of minutes and its size is the point.
/// </summary>
/// <remarks>
/// <para><c>dotnet run -c Release --project tests/M365Scanner.Benchmarks -- graph-store-scale --edges 1000000
/// [--postgres "Host=...;Username=...;Database=..."] [--scans 2000]</c>; the PostgreSQL connection string defaults to
/// <c>M365SCANNER_TEST_POSTGRES</c>; without either, only SQLite runs. PostgreSQL gets a schema of its own, dropped
/// at the end.</para>
/// <para>The tenant (seeded, the same every run): 5,000 mailboxes, 100,000 external correspondents over 20,000
/// organisations, 30,000 link domains, picked with a skew towards the popular ones; edges split over the kinds
/// roughly as a learned graph has them (received-from and thread ids most, tenant prevalence least). Loaded with the
/// store's own Add in calls of 10,000 observations, 100,000 per batch.</para>
/// <para>"Cold-ish": the store is opened anew (new connection, new pool) and each key set is read once; the OS
/// page cache and PostgreSQL's shared buffers still hold whatever the load left there (dropping them needs the
/// machine to itself).</para>
/// </remarks>
public static class GraphStoreScale
{
    private const string TenantId = "11111111-aaaa-4bbb-8ccc-000000000001";
    private static readonly DateTimeOffset T0 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static int Run(string[] args)
    {
        var edgeCount = int.Parse(Option(args, "--edges", "1000000"), CultureInfo.InvariantCulture);
        var scans = int.Parse(Option(args, "--scans", "2000"), CultureInfo.InvariantCulture);
        var postgres = Option(args, "--postgres", Environment.GetEnvironmentVariable("M365SCANNER_TEST_POSTGRES") ?? "");

        var tenant = new SyntheticTenant(seed: 7);
        var watch = Stopwatch.StartNew();
        var edges = tenant.Edges(edgeCount);
        var receivedFrom = edges.Where(e => e.Kind == EdgeKind.ReceivedFrom).ToArray();
        var keySets = Enumerable.Range(0, scans).Select(_ => tenant.ScanKeys(receivedFrom)).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{edges.Length:N0} edges generated in {watch.Elapsed.TotalSeconds:0.0} s; {scans:N0} scans of {keySets.Average(k => k.Length):0.0} keys each; {Environment.ProcessorCount} cores"));
        Console.WriteLine("| Provider | Load | Edges/s | Size on disk | Bytes/edge | Read cold-ish p50 / p99 / mean | Read warm p50 / p99 / mean | Hits/scan |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");

        var folder = Directory.CreateTempSubdirectory("m365scanner-bench-scale-");
        try
        {
            var path = Path.Combine(folder.FullName, "graph.db");
            var load = Time(() =>
            {
                using var store = SqliteCorrespondenceStore.OpenFile(path);
                Load(store, edges);
            });
            var size = new FileInfo(path).Length;
            using (var store = SqliteCorrespondenceStore.OpenFile(path))
                Report("SQLite file", edges.Length, load, size, store, keySets);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        if (postgres.Length == 0)
        {
            Console.WriteLine("PostgreSQL skipped: pass --postgres or set M365SCANNER_TEST_POSTGRES (see .ci/postgres-start).");
            return 0;
        }
        var schema = "bench_" + Guid.NewGuid().ToString("N");
        Execute(postgres, $"CREATE SCHEMA {schema};");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(postgres) { SearchPath = schema }.ToString();
            var load = Time(() =>
            {
                using var database = new PostgresDatabase(connectionString);
                using var store = new PostgresCorrespondenceStore(database, TenantId);
                Load(store, edges);
            });
            // VACUUM so the size is the table's settled size, not its dead tuples; ANALYZE as autovacuum would.
            Execute(connectionString, "VACUUM ANALYZE edges;");
            var size = (long)Scalar(connectionString, "SELECT pg_total_relation_size('edges');")!;
            var detail = (string)Scalar(connectionString,
                "SELECT 'table ' || pg_size_pretty(pg_relation_size('edges')) || ', primary key ' || pg_size_pretty(pg_indexes_size('edges'));")!;
            using (var database = new PostgresDatabase(connectionString))
            using (var store = new PostgresCorrespondenceStore(database, TenantId))
                Report($"PostgreSQL ({detail})", edges.Length, load, size, store, keySets);
        }
        finally
        {
            Execute(postgres, $"DROP SCHEMA {schema} CASCADE;");
        }
        return 0;
    }

    internal static void Load(ICorrespondenceStore store, EdgeKey[] edges)
    {
        foreach (var batch in edges.Chunk(100_000))
            using (store.BeginBatch())
                foreach (var call in batch.Chunk(10_000))
                    store.Add([.. call.Select((key, i) => new EdgeObservation(key, T0.AddMinutes(i)))]);
    }

    private static void Report(string provider, int edges, TimeSpan load, long size, ICorrespondenceStore store, EdgeKey[][] keySets)
    {
        var (cold, hits) = Latencies(store, keySets);
        var (warm, _) = Latencies(store, keySets);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {provider} | {load.TotalSeconds:0.0} s | {edges / load.TotalSeconds:N0} | {size / 1048576.0:0.0} MiB ({size:N0} B) | {(double)size / edges:0.0} | {Summary(cold)} | {Summary(warm)} | {hits:0.0} |"));
    }

    private static (double[] Milliseconds, double HitsPerScan) Latencies(ICorrespondenceStore store, EdgeKey[][] keySets)
    {
        var times = new double[keySets.Length];
        long hits = 0;
        for (var i = 0; i < keySets.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            hits += store.Read(keySets[i]).Count;
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return (times, (double)hits / keySets.Length);
    }

    internal static string Summary(double[] milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        return string.Create(CultureInfo.InvariantCulture, $"{At(0.5):0.000} / {At(0.99):0.000} / {sorted.Average():0.000} ms");
    }

    private static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    internal static void Execute(string connectionString, string sql) => Scalar(connectionString, sql);

    internal static object? Scalar(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        return command.ExecuteScalar();
    }

    internal static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
