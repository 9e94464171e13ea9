using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;

namespace M365Scanner.Storage.Tests.Operations;

/// <summary>What every change feed (<see cref="IChangeFeed{T}"/>) of the verdicts and the audit log must do: a reader
/// that resumes from where it stopped reads every change once, whatever was written in between, including rows it had
/// already read (again, at their new state). A provider's test class says how to open the stores.</summary>
public abstract class ChangeFeedContract : StoreContract
{
    private const int Writers = 4;

    /// <summary>The verdict store under test and its feed: the first call makes a fresh store, later calls open
    /// another handle on the same data (another connection or pool, as another host would).</summary>
    protected abstract (IVerdictStore Store, IChangeFeed<VerdictRecord> Feed) OpenVerdicts();

    /// <summary>As <see cref="OpenVerdicts"/>, for the audit log.</summary>
    protected abstract (IAuditLog Log, IChangeFeed<AuditEntry> Feed) OpenAudit();

    [SkippableFact]
    public void Verdicts_ResumeFromCursor_ReadNewAndReplacedVerdictsOnce()
    {
        var (store, feed) = OpenVerdicts();
        var keys = Enumerable.Range(0, 5).Select(KeyOf).ToArray();
        foreach (var key in keys)
            store.Record(Verdict(key, MessageAction.Allow));

        var cursor = 0L;
        var first = Drain(feed, ref cursor, limit: 2);
        Assert.Equal(keys, first.Select(c => c.Value.Key));
        AssertIncreasing(first);

        store.Record(Verdict(KeyOf(5), MessageAction.Allow));
        store.Record(Verdict(keys[1], MessageAction.Quarantine)); // a rescan replaces an exported verdict
        var second = Drain(feed, ref cursor, limit: 2);

        Assert.Equal([KeyOf(5), keys[1]], second.Select(c => c.Value.Key));
        Assert.Equal(MessageAction.Quarantine, second[1].Value.Action);
        Assert.True(second[0].Sequence > first[^1].Sequence);
        Assert.Empty(Drain(feed, ref cursor, limit: 2));
    }

    [SkippableFact]
    public void Verdicts_WrittenTwiceBetweenReads_AreReadOnceAtTheirNewestState()
    {
        var (store, feed) = OpenVerdicts();
        store.Record(Verdict(KeyOf(0), MessageAction.Allow));
        store.Record(Verdict(KeyOf(1), MessageAction.Allow));
        store.Record(Verdict(KeyOf(0), MessageAction.Rewrite));
        store.Record(Verdict(KeyOf(0), MessageAction.Quarantine));

        var cursor = 0L;
        var changes = Drain(feed, ref cursor, limit: 10);

        Assert.Equal([KeyOf(1), KeyOf(0)], changes.Select(c => c.Value.Key));
        Assert.Equal(MessageAction.Quarantine, changes[1].Value.Action);
    }

    [SkippableFact]
    public void Verdicts_ClaimsWithoutAVerdict_AreNotChanges()
    {
        var (store, feed) = OpenVerdicts();
        Assert.True(store.TryClaim(KeyOf(0), "job-1", T0));

        Assert.Null(feed.PageEnd(0, 10));
        store.Record(Verdict(KeyOf(0), MessageAction.Allow));
        Assert.Equal(KeyOf(0), Assert.Single(feed.Read(0, long.MaxValue, 10)).Value.Key);
    }

    [SkippableFact]
    public void Audit_ResumeFromCursor_ReadsUpdatedEntriesAgainAtTheirNewState()
    {
        var (log, feed) = OpenAudit();
        var ids = Enumerable.Range(0, 3).Select(i => log.Append(Entry(KeyOf(i)))).ToArray();

        var cursor = 0L;
        var first = Drain(feed, ref cursor, limit: 2);
        Assert.Equal(ids, first.Select(c => c.Value.Id));
        Assert.All(first, c => Assert.Equal(AuditState.Started, c.Value.State));

        log.Update(ids[1], AuditState.Completed, "AAMk-moved", "AAMk-copy", T0.AddSeconds(5));
        var fourth = log.Append(Entry(KeyOf(3)));
        var second = Drain(feed, ref cursor, limit: 2);

        Assert.Equal([ids[1], fourth], second.Select(c => c.Value.Id));
        Assert.Equal(AuditState.Completed, second[0].Value.State);
        Assert.Equal("AAMk-copy", second[0].Value.ResultMessageId);
        Assert.Empty(Drain(feed, ref cursor, limit: 2));
    }

    [SkippableFact]
    public void Feeds_FilterByTenant_AndReadStopsAtThrough()
    {
        var (store, feed) = OpenVerdicts();
        store.Record(Verdict(KeyOf(0), MessageAction.Allow));
        store.Record(Verdict(KeyOf(1) with { TenantId = "tenant-b" }, MessageAction.Allow));
        store.Record(Verdict(KeyOf(2), MessageAction.Allow));

        var all = feed.Read(0, long.MaxValue, 10);
        Assert.Equal(3, all.Count);
        Assert.Equal(all[1].Sequence, feed.PageEnd(0, 1, "tenant-b"));
        Assert.Equal([KeyOf(0), KeyOf(2)], feed.Read(0, long.MaxValue, 10, "tenant-a").Select(c => c.Value.Key));
        Assert.Equal([KeyOf(0), KeyOf(1) with { TenantId = "tenant-b" }], feed.Read(0, all[1].Sequence, 10).Select(c => c.Value.Key));
        Assert.Equal(all[1].Sequence, feed.PageEnd(0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => feed.PageEnd(0, 0));
    }

    [SkippableFact]
    public void Verdicts_ReaderRacingWriters_ReadsEveryFinalStateAndNoChangeTwice()
    {
        const int perWriter = 60;
        var handles = Enumerable.Range(0, Writers).Select(_ => OpenVerdicts()).ToArray();
        var reader = OpenVerdicts().Feed;

        var final = new System.Collections.Concurrent.ConcurrentDictionary<MessageKey, MessageAction>();

        // Each writer records its keys, and records every third one again later with another action, so the reader
        // sees rows it has already read come back.
        var seen = RaceWithReader(reader, perWriter, (writer, i) =>
        {
            void Record(MessageKey key, MessageAction action)
            {
                handles[writer].Store.Record(Verdict(key, action));
                final[key] = action;
            }
            Record(KeyOf(writer * 1000 + i), MessageAction.Allow);
            if (i % 3 == 2)
                Record(KeyOf(writer * 1000 + i - 2), MessageAction.Quarantine);
        });

        AssertNoSequenceTwice(seen);
        var last = LastStateOf(seen, c => c.Value.Key);
        Assert.Equal(Writers * perWriter, last.Count);
        Assert.All(final, written => Assert.Equal(written.Value, last[written.Key].Value.Action));
    }

    [SkippableFact]
    public void Audit_ReaderRacingWriters_ReadsEveryFinalStateAndNoChangeTwice()
    {
        const int perWriter = 60;
        var handles = Enumerable.Range(0, Writers).Select(_ => OpenAudit()).ToArray();
        var reader = OpenAudit().Feed;
        var appended = new System.Collections.Concurrent.ConcurrentBag<long>();
        var previous = new long[Writers];

        // Each writer appends entries and completes each one after appending the next (the action's steps), and its
        // last one at the end.
        var seen = RaceWithReader(reader, perWriter + 1, (writer, i) =>
        {
            if (i > 0)
                handles[writer].Log.Update(previous[writer], AuditState.Completed, null, "AAMk-copy", T0);
            if (i == perWriter)
                return;
            previous[writer] = handles[writer].Log.Append(Entry(KeyOf(writer * 1000 + i)));
            appended.Add(previous[writer]);
        });

        AssertNoSequenceTwice(seen);
        var last = LastStateOf(seen, c => c.Value.Id);
        Assert.Equal(appended.OrderBy(id => id), last.Keys.OrderBy(id => id));
        Assert.All(last.Values, c => Assert.Equal(AuditState.Completed, c.Value.State));
    }

    protected static MessageKey KeyOf(int i) => new("tenant-a", "bob@tenant.example", $"<{i}@partner.example>");

    protected static VerdictRecord Verdict(MessageKey key, MessageAction action) => new(
        key, "AAMk1", T0, action, 0.5, "test", Enforced: true, LinksJson: "[]", Notes: "", Subject: "Invoice", Sender: "alice@partner.example");

    protected static AuditEntry Entry(MessageKey key) => new(
        Id: 0, At: T0, Actor: "scanner", Key: key, Action: AuditAction.Quarantine, State: AuditState.Started,
        OriginalMessageId: "AAMk1", ResultMessageId: null, Reasons: "test");

    /// <summary>Reads pages as an exporter does (the page's end first, then its rows, the cursor moved to the end)
    /// until one is empty.</summary>
    protected static List<Change<T>> Drain<T>(IChangeFeed<T> feed, ref long cursor, int limit)
    {
        var read = new List<Change<T>>();
        while (ReadPage(feed, ref cursor, limit, read))
        {
        }
        return read;
    }

    private static bool ReadPage<T>(IChangeFeed<T> feed, ref long cursor, int limit, List<Change<T>> into)
    {
        if (feed.PageEnd(cursor, limit) is not { } end)
            return false;
        into.AddRange(feed.Read(cursor, end, limit));
        cursor = end;
        return true;
    }

    /// <summary>Runs <see cref="Writers"/> writers on threads of their own, each making <paramref name="steps"/>
    /// writes, while a reader pages through the feed (small pages, as fast as it can); once they are done the reader
    /// drains what is left. Halfway, each writer waits for the reader's first page, so reads and writes interleave
    /// even when writing is quicker than reading. Returns every change read, in the order read.</summary>
    private static List<Change<T>> RaceWithReader<T>(IChangeFeed<T> reader, int steps, Action<int, int> write)
    {
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();
        using var readOnce = new ManualResetEventSlim();
        var threads = Enumerable.Range(0, Writers).Select(w => new Thread(() =>
        {
            try
            {
                for (var i = 0; i < steps; i++)
                {
                    if (i == steps / 2 && !readOnce.Wait(TimeSpan.FromSeconds(30)))
                        throw new TimeoutException("the reader read no page within 30 s");
                    write(w, i);
                }
            }
            catch (Exception e)
            {
                errors.Enqueue(e);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        var seen = new List<Change<T>>();
        var cursor = 0L;
        while (threads.Any(t => t.IsAlive))
            if (ReadPage(reader, ref cursor, 7, seen))
                readOnce.Set();
        threads.ForEach(t => t.Join());
        Assert.Empty(errors);
        seen.AddRange(Drain(reader, ref cursor, 7));
        return seen;
    }

    private static void AssertNoSequenceTwice<T>(List<Change<T>> seen)
    {
        AssertIncreasing(seen);
        Assert.Equal(seen.Count, seen.Select(c => c.Sequence).Distinct().Count());
    }

    private static void AssertIncreasing<T>(IReadOnlyList<Change<T>> changes)
    {
        for (var i = 1; i < changes.Count; i++)
            Assert.True(changes[i].Sequence > changes[i - 1].Sequence, $"sequence {changes[i].Sequence} read after {changes[i - 1].Sequence}");
    }

    private static Dictionary<TKey, Change<T>> LastStateOf<T, TKey>(List<Change<T>> seen, Func<Change<T>, TKey> key) where TKey : notnull
    {
        var last = new Dictionary<TKey, Change<T>>();
        foreach (var change in seen)
            last[key(change)] = change;
        return last;
    }
}
