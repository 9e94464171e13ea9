using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Tests.TestSupport;
using Npgsql;

namespace M365Scanner.Storage.Tests.Postgres;

/// <summary>The hazard a plain sequence has on PostgreSQL, made to happen on purpose: a write that has taken its
/// sequence but not committed (another host, slow) while a later write commits. With a plain sequence the later write
/// commits first with a larger value, a reader moves past it, and the slow one is never read. The feed must make the
/// later write wait instead, so a reader never sees past the one in flight.</summary>
public sealed class PostgresChangeFeedCommitOrderTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly PostgresTestSchema _schema = PostgresTestSchema.CreateOrSkip();
    private readonly List<IDisposable> _owned = [];

    public void Dispose()
    {
        foreach (var owned in _owned)
            owned.Dispose();
        _schema.Dispose();
    }

    [SkippableFact]
    public async Task Record_WaitsForAWriteInFlight_SoAReaderNeverSkipsIt()
    {
        var store = new PostgresVerdictStore(Open());
        store.Record(Verdict(0));
        var cursor = store.PageEnd(0, 10)!.Value;

        // The slow host: takes the next sequence inside a transaction it has not committed.
        await using var slow = new NpgsqlConnection(_schema.ConnectionString);
        await slow.OpenAsync();
        await using var transaction = await slow.BeginTransactionAsync();
        var slowSequence = (long)(await new NpgsqlCommand(
            "UPDATE change_counters SET last = last + 1 WHERE feed = 'verdicts' RETURNING last;", slow, transaction).ExecuteScalarAsync())!;

        var later = Task.Run(() => new PostgresVerdictStore(Open()).Record(Verdict(2)));
        await WaitUntilBlockedBy(slow.ProcessID, later);

        Assert.False(later.IsCompleted);
        Assert.Null(store.PageEnd(cursor, 10));

        await using (var insert = new NpgsqlCommand("""
            INSERT INTO verdicts (tenant_id, mailbox, message_id, graph_message_id, scanned_at, action, score, explanation,
                                  enforced, links_json, notes, change_seq)
            VALUES ('tenant-a', 'bob@tenant.example', '<1@partner.example>', 'AAMk1', now(), 'allow', 0, 'slow host',
                    true, '[]', '', @seq);
            """, slow, transaction))
        {
            insert.Parameters.AddWithValue("seq", slowSequence);
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        await later.WaitAsync(TimeSpan.FromSeconds(30));

        var end = store.PageEnd(cursor, 10)!.Value;
        var read = store.Read(cursor, end, 10);
        Assert.Equal(["<1@partner.example>", "<2@partner.example>"], read.Select(c => c.Value.Key.MessageId));
        Assert.Equal(slowSequence, read[0].Sequence);
        Assert.True(read[1].Sequence > slowSequence);
    }

    private PostgresDatabase Open()
    {
        var database = new PostgresDatabase(_schema.ConnectionString);
        lock (_owned)
            _owned.Add(database);
        return database;
    }

    /// <summary>Waits, up to a deadline, until some backend is blocked by <paramref name="pid"/>; fails early if
    /// <paramref name="write"/> finishes instead (it did not wait).</summary>
    private async Task WaitUntilBlockedBy(int pid, Task write)
    {
        await using var watcher = new NpgsqlConnection(_schema.ConnectionString);
        await watcher.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (write.IsCompleted)
            {
                await write;
                Assert.Fail("the later write committed while an earlier sequence was still in flight");
            }
            await using var blocked = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE @pid = ANY(pg_blocking_pids(pid));", watcher);
            blocked.Parameters.AddWithValue("pid", pid);
            if ((long)(await blocked.ExecuteScalarAsync())! > 0)
                return;
        }
        Assert.Fail("the later write neither waited for the one in flight nor finished within 30 s");
    }

    private static VerdictRecord Verdict(int i) => new(
        new MessageKey("tenant-a", "bob@tenant.example", $"<{i}@partner.example>"), "AAMk1", T0, MessageAction.Allow, 0,
        "test", Enforced: true, LinksJson: "[]", Notes: "");
}
