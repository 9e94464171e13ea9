using M365Scanner.Core.Correspondence;

namespace M365Scanner.Storage.Tests.Correspondence;

/// <summary>
/// What every <see cref="ICorrespondenceStore"/> must do, whatever keeps the data. A provider's test class derives
/// from this (or from <see cref="DurableCorrespondenceStoreContract"/> when it keeps data across reopen) and says
/// only how to open a fresh store.
/// </summary>
/// <remarks>Times are whole seconds in UTC, the precision every store promises.</remarks>
public abstract class CorrespondenceStoreContract : IDisposable
{
    protected static readonly DateTimeOffset T0 = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);
    protected static readonly EdgeKey Key = new(EdgeKind.ReceivedFrom, "bob@tenant.example", "alice@partner.example");
    protected static readonly EdgeKey Other = new(EdgeKind.SenderLinkDomain, "@partner.example", "partner.example");

    private readonly List<ICorrespondenceStore> _opened = [];

    /// <summary>A new, empty store; several calls in one test may share data only if the provider is durable.</summary>
    protected abstract ICorrespondenceStore CreateStore();

    /// <summary>Opens a store and disposes it with the test.</summary>
    protected ICorrespondenceStore Open()
    {
        var store = CreateStore();
        _opened.Add(store);
        return store;
    }

    public virtual void Dispose()
    {
        foreach (var store in _opened)
            (store as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public void AddWithFollowUp_AddsBoth_AndHandsTheFollowUpOnlyTheNewKeys()
    {
        var store = Open();
        store.Add([new EdgeObservation(Key, T0)]);
        var prevalence = new EdgeKey(EdgeKind.TenantDomainSenders, "partner.example", "");
        IReadOnlySet<EdgeKey>? seen = null;

        var created = store.AddWithFollowUp([new(Key, T0.AddSeconds(1)), new(Other, T0.AddSeconds(1))], newKeys =>
        {
            seen = newKeys;
            return [new EdgeObservation(prevalence, T0.AddSeconds(1))];
        });

        Assert.Equal([Other], created);
        Assert.Equal([Other], seen);
        var found = store.Read([Key, Other, prevalence]);
        Assert.Equal(2, found[Key].Count);
        Assert.Equal(1, found[Other].Count);
        Assert.Equal(1, found[prevalence].Count);
    }

    [SkippableFact]
    public void Read_ReturnsNothing_WhenKeysMissing()
    {
        var store = Open();

        Assert.Empty(store.Read([Key, Other]));
        Assert.Empty(store.Read([]));
    }

    [SkippableFact]
    public void Add_ReportsNew_WhenEdgeDidNotExist()
    {
        var store = Open();

        var created = store.Add([new(Key, T0)]);

        Assert.Equal([Key], created);
        Assert.Equal(Tally.Once(T0), store.Read([Key])[Key]);
    }

    [SkippableFact]
    public void Add_CountsTwoAndWidensFirstLast_WhenAddedTwice()
    {
        var store = Open();
        store.Add([new(Key, T0)]);

        var later = store.Add([new(Key, T0.AddDays(3))]);
        var earlier = store.Add([new(Key, T0.AddDays(-2))]);

        Assert.Empty(later);
        Assert.Empty(earlier);
        Assert.Equal(new Tally(3, T0.AddDays(-2), T0.AddDays(3)), store.Read([Key])[Key]);
    }

    [SkippableFact]
    public void Add_SumsObservations_WhenOneCallHasSeveralOfOneKey()
    {
        var store = Open();

        var created = store.Add([new(Key, T0.AddHours(5)), new(Other, T0), new(Key, T0), new(Key, T0.AddHours(1))]);

        Assert.Equal(new HashSet<EdgeKey> { Key, Other }, created);
        var found = store.Read([Key, Other]);
        Assert.Equal(new Tally(3, T0, T0.AddHours(5)), found[Key]);
        Assert.Equal(Tally.Once(T0), found[Other]);
    }

    [SkippableFact]
    public void Read_ReturnsOnlyExistingKeys_WhenSomeMissing()
    {
        var store = Open();
        store.Add([new(Key, T0)]);
        var missing = Key with { To = "mallory@evil.example" };

        var found = store.Read([Key, missing, Other]);

        Assert.Equal([Key], found.Keys);
    }

    [SkippableFact]
    public void Add_KeepsKindsApart_WhenKeysOtherwiseEqual()
    {
        var store = Open();

        store.Add([new(Key, T0), new(Key with { Kind = EdgeKind.SentTo }, T0), new(Key with { Kind = EdgeKind.SentTo }, T0)]);

        var found = store.Read([Key, Key with { Kind = EdgeKind.SentTo }]);
        Assert.Equal(1, found[Key].Count);
        Assert.Equal(2, found[Key with { Kind = EdgeKind.SentTo }].Count);
    }

    [SkippableFact]
    public void Add_KeepsTextExactly_WhenKeysAreUnicodeOrEmpty()
    {
        var store = Open();
        var unicode = new EdgeKey(EdgeKind.SenderLinkHost, "jürgen@bücher.example", "xn--bcher-kva.example");
        var empty = new EdgeKey(EdgeKind.SenderMessages, "alice@partner.example", "");

        store.Add([new(unicode, T0), new(empty, T0)]);

        Assert.Equal(2, store.Read([unicode, empty, empty with { To = " " }]).Count);
    }

    [SkippableFact]
    public void Add_ReportsEachNewEdgeToExactlyOneCaller_WhenManyThreadsAddAtOnce()
    {
        const int threads = 8, keys = 200;
        var store = Open();
        var all = Enumerable.Range(0, keys).Select(i => Key with { To = $"sender{i}@partner.example" }).ToArray();
        var reports = new List<EdgeKey>[threads];
        using var start = new Barrier(threads);

        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            // Each thread walks the keys in its own order, in small Adds, so threads race on the same rows.
            var order = all.OrderBy(k => (k.To.GetHashCode() * (t + 1)) % 997).ToArray();
            reports[t] = [];
            start.SignalAndWait();
            foreach (var chunk in order.Chunk(3))
                reports[t].AddRange(store.Add([.. chunk.Select(k => new EdgeObservation(k, T0.AddSeconds(t)))]));
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        var reported = reports.SelectMany(r => r).ToList();
        Assert.Equal(keys, reported.Count);
        Assert.Equal(keys, reported.Distinct().Count());
        var found = store.Read(all);
        Assert.All(all, k => Assert.Equal(new Tally(threads, T0, T0.AddSeconds(threads - 1)), found[k]));
    }

    [SkippableFact]
    public void BeginBatch_ReadsOwnAddsAndKeepsThem_WhenDisposed()
    {
        var store = Open();

        using (store.BeginBatch())
        {
            Assert.Equal([Key], store.Add([new(Key, T0)]));
            Assert.Empty(store.Add([new(Key, T0.AddDays(1))]));
            Assert.Equal(2, store.Read([Key])[Key].Count);
        }

        Assert.Equal(new Tally(2, T0, T0.AddDays(1)), store.Read([Key])[Key]);
    }

    [SkippableFact]
    public void BeginBatch_JoinsOuterBatch_WhenNested()
    {
        var store = Open();

        using (store.BeginBatch())
        {
            using (store.BeginBatch())
                store.Add([new(Key, T0)]);
            store.Add([new(Other, T0)]);
            Assert.Equal(2, store.Read([Key, Other]).Count);
        }

        Assert.Equal(2, store.Read([Key, Other]).Count);
    }

    [SkippableFact]
    public void BeginBatch_KeepsWhatWasAdded_WhenLeftByException()
    {
        var store = Open();

        void Interrupted()
        {
            using var batch = store.BeginBatch();
            store.Add([new(Key, T0)]);
            throw new InvalidOperationException("baseline interrupted");
        }

        Assert.Throws<InvalidOperationException>(Interrupted);

        Assert.Equal(Tally.Once(T0), store.Read([Key])[Key]);
        Assert.Equal([Other], store.Add([new(Other, T0)]));
    }

    [SkippableFact]
    public async Task BeginBatch_LetsOtherCallersIn_AfterDispose()
    {
        var store = Open();
        using (store.BeginBatch())
            store.Add([new(Key, T0)]);

        // A thread that did not begin the batch must neither block forever nor join a finished batch.
        var created = await Task.Run(() => store.Add([new(Key, T0), new(Other, T0)]));

        Assert.Equal([Other], created);
        Assert.Equal(2, store.Read([Key])[Key].Count);
    }

    [SkippableFact]
    public void BeginBatch_SharesBatchWithTasksItStarts_WhenAddingInParallel()
    {
        var store = Open();
        var keys = Enumerable.Range(0, 50).Select(i => Key with { To = $"s{i}@partner.example" }).ToArray();

        using (store.BeginBatch())
            Parallel.ForEach(keys, new ParallelOptions { MaxDegreeOfParallelism = 4 }, k => store.Add([new(k, T0)]));

        Assert.Equal(keys.Length, store.Read(keys).Count);
    }
}
