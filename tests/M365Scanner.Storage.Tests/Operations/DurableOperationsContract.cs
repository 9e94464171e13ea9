using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;

namespace M365Scanner.Storage.Tests.Operations;

/// <summary>
/// The contract for operations stores that keep data outside the process (SQLite file, a server database later):
/// on top of what every store does, data and claims survive reopening, a claim holds between connections as it
/// must between processes, and opening again applies no migration twice.
/// </summary>
public abstract class DurableOperationsContract : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 12, 0, 0, 250, TimeSpan.Zero);
    private static readonly MessageKey Key = MessageKey.Of("tenant-a", "bob@tenant.example", "<m1@partner.example>", "AAMk1");

    private readonly List<Connection> _open = [];

    /// <summary>The four stores over one new connection to the same data as every other call in the test, and what
    /// closes that connection. Stands in for another process.</summary>
    protected abstract Connection CreateConnection();

    /// <summary>The schema versions recorded in the database, lowest first.</summary>
    protected abstract IReadOnlyList<int> RecordedSchemaVersions();

    /// <summary>The latest version the provider's migrations define.</summary>
    protected abstract int LatestSchemaVersion { get; }

    protected sealed record Connection(IVerdictStore Verdicts, IAuditLog Audit, IWorkerStateStore State, IScanAttemptStore Attempts,
        IDisposable Closer) : IDisposable
    {
        public void Dispose() => Closer.Dispose();
    }

    public virtual void Dispose()
    {
        foreach (var connection in _open)
            connection.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public void Verdicts_AndClaims_AreKept_WhenReopened()
    {
        var verdict = new VerdictRecord(Key, "AAMk1", T0, MessageAction.Quarantine, 0.9, "why", true, "[]", "", "Invoice", "alice@partner.example");
        var pending = Key with { MessageId = "<pending@partner.example>" };
        using (var first = CreateConnection())
        {
            first.Verdicts.TryClaim(Key, "job-1", T0);
            first.Verdicts.Record(verdict);
            first.Verdicts.TryClaim(pending, "job-2", T0);
        }

        var reopened = Open();

        Assert.Equal(verdict, reopened.Verdicts.Get(Key));
        Assert.False(reopened.Verdicts.TryClaim(Key, "job-1", T0));
        // The unfinished claim survives the restart: its own retry gets it back, nobody else does.
        Assert.True(reopened.Verdicts.TryClaim(pending, "job-2", T0.AddMinutes(1)));
        Assert.False(reopened.Verdicts.TryClaim(pending, "job-3", T0.AddMinutes(1)));
    }

    [SkippableFact]
    public void ScanAttempts_AndPoisonMarks_AreKept_WhenReopened()
    {
        // What a host that died mid-scan leaves for the next process: a counted attempt that never ended.
        var poison = new PoisonMessage(Key with { MessageId = "<poison@partner.example>" }, "AAMk2", "the scan failed 3 times: its process stopped",
            3, T0, T0.AddMinutes(1), MessageAction.Quarantine, true, "Invoice", "alice@partner.example");
        using (var first = CreateConnection())
        {
            first.Attempts.Begin(Key, 2, T0);
            first.Attempts.MarkPoison(poison);
        }

        var reopened = Open();

        Assert.Equal(new ScanAttempts(2, true, T0, T0.AddSeconds(5), null), reopened.Attempts.Begin(Key, 2, T0.AddSeconds(5)));
        Assert.False(reopened.Attempts.Begin(Key, 2, T0.AddSeconds(6)).Started);
        Assert.Equal([poison], reopened.Attempts.QueryPoison(new PoisonQuery()));
    }

    [SkippableFact]
    public void AuditLog_IsKept_AndIdsContinue_WhenReopened()
    {
        long id;
        using (var first = CreateConnection())
        {
            id = first.Audit.Append(Entry());
            first.Audit.Update(id, AuditState.Copied, null, "AAMk-copy", T0.AddSeconds(1));
        }

        var reopened = Open();
        var next = reopened.Audit.Append(Entry());

        Assert.True(next > id);
        Assert.Equal(next, reopened.Audit.Latest(Key, AuditAction.Rewrite)!.Id);
        var kept = reopened.Audit.Get(id)!;
        Assert.Equal(AuditState.Copied, kept.State);
        Assert.Equal("AAMk-copy", kept.ResultMessageId);
    }

    [SkippableFact]
    public void WorkerState_IsKept_WhenReopened()
    {
        var subscription = new SubscriptionRecord("sub-1", "tenant-a", "bob@tenant.example", "users/bob/messages", "secret", T0);
        using (var first = CreateConnection())
        {
            first.State.SaveSubscription(subscription);
            first.State.SaveDeltaLink("tenant-a", "bob@tenant.example", "inbox", "https://graph.example/delta?token=1");
        }

        var reopened = Open();

        Assert.Equal([subscription], reopened.State.Subscriptions());
        Assert.Equal("https://graph.example/delta?token=1", reopened.State.GetDeltaLink("tenant-a", "bob@tenant.example", "inbox"));
    }

    [SkippableFact]
    public void BaselineProgress_IsKept_WhenReopened()
    {
        var progress = new BaselineProgress("tenant-a", "bob@tenant.example", "inbox", T0.AddDays(-90), T0, T0.AddDays(-3),
            ["AAMk-7"], 100, 2, false, T0);
        using (var first = CreateConnection())
            first.State.SaveBaselineProgress(progress);

        var reopened = Open();

        Assert.Equal([progress], reopened.State.GetBaselineProgress("tenant-a", "bob@tenant.example"));
    }

    [SkippableFact]
    public void Writes_AreVisibleToAnotherConnection_AtOnce()
    {
        var writer = Open();
        var reader = Open();

        writer.Verdicts.TryClaim(Key, "job-1", T0);
        var id = writer.Audit.Append(Entry());

        Assert.False(reader.Verdicts.TryClaim(Key, "job-2", T0));
        Assert.NotNull(reader.Audit.Get(id));
    }

    [SkippableFact]
    public void TryClaim_GivesEachKeyExactlyOneWinner_WhenEachThreadHasItsOwnConnection()
    {
        const int threads = 6, keys = 30;
        // Connections opened up front, so the race is between claims and not between schema checks.
        var connections = Enumerable.Range(0, threads).Select(_ => Open()).ToArray();
        var all = Enumerable.Range(0, keys).Select(i => Key with { MessageId = $"<m{i}@partner.example>" }).ToArray();
        var won = new List<MessageKey>[threads];
        using var start = new Barrier(threads);

        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var order = all.Select((k, i) => (k, i)).OrderBy(p => (p.i * (t + 3)) % 31).Select(p => p.k).ToArray();
            won[t] = [];
            start.SignalAndWait();
            foreach (var key in order)
                if (connections[t].Verdicts.TryClaim(key, $"host-{t}", T0))
                    won[t].Add(key);
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        var winners = won.SelectMany(w => w).ToList();
        Assert.Equal(keys, winners.Count);
        Assert.Equal(keys, winners.Distinct().Count());
    }

    [SkippableFact]
    public void Open_AppliesNothingTwice_WhenReopened()
    {
        using (var first = CreateConnection())
            first.Audit.Append(Entry());
        using (CreateConnection()) { }

        var third = Open();

        Assert.Equal(Enumerable.Range(1, LatestSchemaVersion), RecordedSchemaVersions());
        Assert.Single(third.Audit.Query());
    }

    private Connection Open()
    {
        var connection = CreateConnection();
        _open.Add(connection);
        return connection;
    }

    private static AuditEntry Entry() =>
        new(0, T0, "scanner", Key, AuditAction.Rewrite, AuditState.Started, "AAMk1", null, "score 0.82");
}
