using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Tests.TestSupport;

namespace M365Scanner.Storage.Tests.Postgres;

/// <summary>What only matters when several host processes share one PostgreSQL database: each "host" here is its own
/// <see cref="PostgresDatabase"/> (its own pool of connections), racing the others from its own thread.</summary>
public sealed class PostgresConcurrencyTests : IDisposable
{
    private const int Hosts = 6;
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly PostgresTestSchema _schema = PostgresTestSchema.CreateOrSkip();
    private readonly List<PostgresDatabase> _databases = [];

    public void Dispose()
    {
        foreach (var database in _databases)
            database.Dispose();
        _schema.Dispose();
    }

    [SkippableFact]
    public void Open_MigratesOnce_WhenSeveralHostsOpenANewSchemaAtOnce()
    {
        var versions = RaceHosts(_ =>
        {
            using var database = new PostgresDatabase(_schema.ConnectionString);
            return database.SchemaVersion;
        });

        Assert.All(versions, v => Assert.Equal(PostgresSchema.LatestVersion, v));
        Assert.Equal(Enumerable.Range(1, PostgresSchema.LatestVersion), _schema.RecordedSchemaVersions());
        // Opening again applies nothing and keeps the data.
        using var again = new PostgresDatabase(_schema.ConnectionString);
        Assert.Equal(PostgresSchema.LatestVersion, again.SchemaVersion);
        Assert.Equal(Enumerable.Range(1, PostgresSchema.LatestVersion), _schema.RecordedSchemaVersions());
    }

    [SkippableFact]
    public void Open_Throws_WhenSchemaIsNewerThanThisBuild()
    {
        using (new PostgresDatabase(_schema.ConnectionString)) { }
        _schema.Scalar($"INSERT INTO schema_version (version, name) VALUES ({PostgresSchema.LatestVersion + 1}, 'from a newer build');");

        var error = Assert.Throws<InvalidOperationException>(() => new PostgresDatabase(_schema.ConnectionString));

        Assert.Contains("newer than this build", error.Message);
    }

    [SkippableFact]
    public void TryClaim_GivesOneWinner_WhenEveryHostClaimsTheSameMessageAtOnce()
    {
        var stores = Enumerable.Range(0, Hosts).Select(_ => new PostgresVerdictStore(OpenDatabase())).ToArray();
        var keys = Enumerable.Range(0, 20).Select(i => new MessageKey("tenant-a", "bob@tenant.example", $"<m{i}@partner.example>")).ToArray();

        var won = RaceHosts(h => keys.Count(key => stores[h].TryClaim(key, $"host-{h}", T0)));

        Assert.Equal(keys.Length, won.Sum());
        // Each winner's retry keeps its claim; every other host still loses it.
        foreach (var key in keys)
            Assert.Single(Enumerable.Range(0, Hosts), h => stores[h].TryClaim(key, $"host-{h}", T0.AddMinutes(1)));
    }

    [SkippableFact]
    public void Add_LosesNoCountAndReportsEachEdgeNewOnce_WhenHostsAddTheSameEdgesAtOnce()
    {
        const int rounds = 10;
        var stores = Enumerable.Range(0, Hosts).Select(_ => new PostgresCorrespondenceStore(OpenDatabase(), "tenant-a")).ToArray();
        var edges = Edges(40);

        var reported = RaceHosts(h =>
        {
            var mine = new List<EdgeKey>();
            // Each host adds every edge once per round, in its own order and chunking, so hosts upsert overlapping
            // sets of rows at the same time; two hosts of three add inside batches, racing plain adds.
            var order = edges.OrderBy(e => (e.To.GetHashCode() * (h + 1)) % 101).ToArray();
            for (var round = 0; round < rounds; round++)
            {
                using var batch = h % 3 == 0 ? stores[h].BeginBatch() : null;
                foreach (var chunk in order.Chunk(7 + h))
                    mine.AddRange(stores[h].Add([.. chunk.Select(e => new EdgeObservation(e, T0.AddSeconds(round)))]));
            }
            return mine;
        });

        var all = reported.SelectMany(r => r).ToList();
        Assert.Equal(edges.Length, all.Count);
        Assert.Equal(edges.Length, all.Distinct().Count());
        var found = stores[0].Read(edges);
        Assert.All(edges, e => Assert.Equal(new Tally(Hosts * rounds, T0, T0.AddSeconds(rounds - 1)), found[e]));
    }

    [SkippableFact]
    public void AddWithFollowUp_LosesNothingAndNeverDeadlocks_WhenHostsLearnOverlappingEdgesAtOnce()
    {
        const int rounds = 10;
        var stores = Enumerable.Range(0, Hosts).Select(_ => new PostgresCorrespondenceStore(OpenDatabase(), "tenant-a")).ToArray();
        var edges = Edges(40);
        // As the graph's learning step: each new sender-link edge moves its domain's prevalence (five shared rows).
        static IReadOnlyCollection<EdgeObservation> Prevalence(IReadOnlySet<EdgeKey> created) =>
            [.. created.Where(e => e.Kind == EdgeKind.SenderLinkDomain)
                .Select(e => new EdgeObservation(new EdgeKey(EdgeKind.TenantDomainSenders, e.From, ""), T0))];

        var reported = RaceHosts(h =>
        {
            var mine = new List<EdgeKey>();
            var order = edges.OrderBy(e => (e.To.GetHashCode() * (h + 1)) % 101).ToArray();
            for (var round = 0; round < rounds; round++)
                foreach (var chunk in order.Chunk(7 + h))
                    mine.AddRange(stores[h].AddWithFollowUp([.. chunk.Select(e => new EdgeObservation(e, T0.AddSeconds(round)))], Prevalence));
            return mine;
        });

        var all = reported.SelectMany(r => r).ToList();
        Assert.Equal(edges.Length, all.Count);
        Assert.Equal(edges.Length, all.Distinct().Count());
        var found = stores[0].Read(edges);
        Assert.All(edges, e => Assert.Equal(Hosts * rounds, found[e].Count));
        var senders = edges.Where(e => e.Kind == EdgeKind.SenderLinkDomain).GroupBy(e => e.From).ToList();
        var prevalence = stores[0].Read([.. senders.Select(g => new EdgeKey(EdgeKind.TenantDomainSenders, g.Key, ""))]);
        Assert.All(senders, g => Assert.Equal(g.Count(), prevalence[new EdgeKey(EdgeKind.TenantDomainSenders, g.Key, "")].Count));
    }

    [SkippableFact]
    public void AddWithFollowUp_RefusesAFollowUpOfTheFirstWritesKind_AndWritesNothing()
    {
        using var store = new PostgresCorrespondenceStore(OpenDatabase(), "tenant-a");
        var edge = Edges(1)[0];

        Assert.Throws<ArgumentException>(() => store.AddWithFollowUp([new(edge, T0)], created => [.. created.Select(e => new EdgeObservation(e with { To = "x" }, T0))]));

        Assert.Empty(store.Read([edge, edge with { To = "x" }]));
    }

    [SkippableFact]
    public void Add_KeepsTenantsApart_InTheSharedTable()
    {
        var database = OpenDatabase();
        using var a = new PostgresCorrespondenceStore(database, "tenant-a");
        using var b = new PostgresCorrespondenceStore(database, "tenant-b");
        var edge = Edges(1)[0];

        Assert.Equal([edge], a.Add([new(edge, T0)]));
        Assert.Equal([edge], b.Add([new(edge, T0), new(edge, T0)]));

        Assert.Equal(1, a.Read([edge])[edge].Count);
        Assert.Equal(2, b.Read([edge])[edge].Count);
        Assert.Equal(1, a.DeleteAllEdges());
        Assert.Empty(a.Read([edge]));
        Assert.Equal(2, b.Read([edge])[edge].Count);
    }

    [SkippableFact]
    public void Dispose_RollsBackOpenBatch_AndRejectsLaterCalls()
    {
        var database = OpenDatabase();
        var store = new PostgresCorrespondenceStore(database, "tenant-a");
        var edge = Edges(1)[0];
        store.BeginBatch();
        store.Add([new(edge, T0)]);

        store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.Read([edge]));
        Assert.Throws<ObjectDisposedException>(() => store.BeginBatch());
        using var other = new PostgresCorrespondenceStore(database, "tenant-a");
        Assert.Empty(other.Read([edge]));
        // The batch's graph lock went with its transaction: a plain add does not wait for it.
        Assert.Equal([edge], other.Add([new(edge, T0)]));
    }

    [SkippableFact]
    public void Times_ReadBackInUtc_AsWholeSecondsInTheGraphAndMillisecondsElsewhere()
    {
        var database = OpenDatabase();
        using var graph = new PostgresCorrespondenceStore(database, "tenant-a");
        var verdicts = new PostgresVerdictStore(database);
        var at = new DateTimeOffset(2024, 3, 1, 14, 0, 0, 750, TimeSpan.FromHours(2)).AddTicks(1234);
        var key = new MessageKey("tenant-a", "bob@tenant.example", "<m1@partner.example>");
        var edge = Edges(1)[0];

        graph.Add([new(edge, at)]);
        verdicts.Record(new VerdictRecord(key, "AAMk1", at, MessageAction.Allow, 0, "", false, "[]", ""));

        Assert.Equal(Tally.Once(new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero)), graph.Read([edge])[edge]);
        var scannedAt = verdicts.Get(key)!.ScannedAt;
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 12, 0, 0, 750, TimeSpan.Zero), scannedAt);
        Assert.Equal(TimeSpan.Zero, scannedAt.Offset);
    }

    [SkippableFact]
    public async Task Stores_Throw_AndProbeSaysUnreachable_WhenDatabaseDisposed()
    {
        var database = new PostgresDatabase(_schema.ConnectionString);
        Assert.True(await database.IsReachableAsync());
        var verdicts = new PostgresVerdictStore(database);

        database.Dispose();
        database.Dispose();

        Assert.Throws<ObjectDisposedException>(() => verdicts.TryClaim(new MessageKey("t", "m", "x"), "job-1", T0));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => database.IsReachableAsync());
    }

    private PostgresDatabase OpenDatabase()
    {
        var database = new PostgresDatabase(_schema.ConnectionString);
        lock (_databases)
            _databases.Add(database);
        return database;
    }

    /// <summary>Runs <paramref name="host"/> for each host index on its own thread, all released at once, and returns
    /// their results in host order; a host that throws fails the test.</summary>
    private static List<T> RaceHosts<T>(Func<int, T> host)
    {
        var results = new T[Hosts];
        var errors = new Exception?[Hosts];
        using var start = new Barrier(Hosts);
        var threads = Enumerable.Range(0, Hosts).Select(h => new Thread(() =>
        {
            start.SignalAndWait();
            try
            {
                results[h] = host(h);
            }
            catch (Exception e)
            {
                errors[h] = e;
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        if (errors.FirstOrDefault(e => e is not null) is { } error)
            throw new AggregateException("A host failed.", error);
        return [.. results];
    }

    private static EdgeKey[] Edges(int count) => [.. Enumerable.Range(0, count)
        .Select(i => new EdgeKey(i % 2 == 0 ? EdgeKind.SenderLinkDomain : EdgeKind.ReceivedFrom, $"sender{i % 5}@partner.example", $"site{i}.example"))];
}
