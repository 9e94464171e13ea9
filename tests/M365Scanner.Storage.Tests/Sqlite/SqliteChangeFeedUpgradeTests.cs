using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Storage.Sqlite;
using M365Scanner.Storage.Sqlite.Migrations;
using M365Scanner.Storage.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Tests.Sqlite;

/// <summary>A file written before the change feeds, opened by this build: its verdicts and audit entries get
/// sequences, so a first export reads the history.</summary>
public sealed class SqliteChangeFeedUpgradeTests : IDisposable
{
    // Found by name, so the test holds wherever the step is numbered.
    private static readonly int SchemaBeforeFeeds =
        SqliteSchema.Migrations.Single(m => m.Name.StartsWith("change sequences", StringComparison.Ordinal)).Version - 1;

    private readonly TempDatabaseFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public void Open_GivesExistingRowsSequencesInTheOrderTheyWereMade_AndNewWritesComeAfter()
    {
        using (var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False"))
        {
            connection.Open();
            SqliteMigrator.Migrate(connection, [.. SqliteSchema.Migrations.Take(SchemaBeforeFeeds)]);
            using var insert = connection.CreateCommand();
            // Claimed in one order, scanned in the other; and a claim that never got its verdict.
            insert.CommandText = """
                INSERT INTO verdicts (tenant_id, mailbox, message_id, claim_owner, claimed_at, graph_message_id, scanned_at,
                                      action, score, explanation, enforced, links_json, notes)
                VALUES ('tenant-a', 'bob@tenant.example', 'late@x', 'job-1', 1, 'AAMk1', 2000, 'allow', 0, '', 1, '[]', ''),
                       ('tenant-a', 'bob@tenant.example', 'early@x', 'job-2', 2, 'AAMk2', 1000, 'quarantine', 0.9, '', 1, '[]', '');
                INSERT INTO verdicts (tenant_id, mailbox, message_id, claim_owner, claimed_at)
                VALUES ('tenant-a', 'bob@tenant.example', 'claimed@x', 'job-3', 3);
                INSERT INTO audit_entries (at, actor, tenant_id, mailbox, message_id, action, state, reasons)
                VALUES (1000, 'scanner', 'tenant-a', 'bob@tenant.example', 'early@x', 'quarantine', 'completed', 'test'),
                       (1500, 'kim', 'tenant-a', 'bob@tenant.example', 'early@x', 'release', 'started', 'test');
                """;
            insert.ExecuteNonQuery();
        }

        using var database = SqliteDatabase.OpenFile(_file.Path);
        var verdicts = new SqliteVerdictStore(database);
        var audit = new SqliteAuditLog(database);

        Assert.Equal(["early@x", "late@x"], verdicts.Read(0, long.MaxValue, 10).Select(c => c.Value.Key.MessageId));
        verdicts.Record(new VerdictRecord(new MessageKey("tenant-a", "bob@tenant.example", "claimed@x"), "AAMk3", DateTimeOffset.FromUnixTimeMilliseconds(3000),
                MessageAction.Allow, 0, "", true, "[]", ""));
        Assert.Equal(["early@x", "late@x", "claimed@x"], verdicts.Read(0, long.MaxValue, 10).Select(c => c.Value.Key.MessageId));
        Assert.Equal([1L, 2L, 3L], verdicts.Read(0, long.MaxValue, 10).Select(c => c.Sequence));

        var entries = audit.Read(0, long.MaxValue, 10);
        Assert.Equal([AuditAction.Quarantine, AuditAction.Release], entries.Select(c => c.Value.Action));
        audit.Update(entries[0].Value.Id, AuditState.Released, null, null, DateTimeOffset.FromUnixTimeMilliseconds(2000));
        Assert.Equal([entries[1].Value.Id, entries[0].Value.Id], audit.Read(0, long.MaxValue, 10).Select(c => c.Value.Id));
    }
}
