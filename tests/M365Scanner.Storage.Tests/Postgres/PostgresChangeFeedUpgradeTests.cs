using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Tests.TestSupport;
using Npgsql;

namespace M365Scanner.Storage.Tests.Postgres;

/// <summary>A database written before the change feeds, opened by this build: its verdicts and audit entries get
/// sequences, so a first export reads the history.</summary>
public sealed class PostgresChangeFeedUpgradeTests : IDisposable
{
    // Found by name, so the test holds wherever the step is numbered.
    private static readonly int SchemaBeforeFeeds =
        PostgresSchema.Migrations.Single(m => m.Name.StartsWith("change sequences", StringComparison.Ordinal)).Version - 1;

    private readonly PostgresTestSchema _schema = PostgresTestSchema.CreateOrSkip();

    public void Dispose() => _schema.Dispose();

    [SkippableFact]
    public void Open_GivesExistingRowsSequencesInTheOrderTheyWereMade_AndNewWritesComeAfter()
    {
        using (var dataSource = NpgsqlDataSource.Create(_schema.ConnectionString))
            PostgresMigrator.Migrate(dataSource, [.. PostgresSchema.Migrations.Take(SchemaBeforeFeeds)]);
        _schema.Scalar("""
            INSERT INTO verdicts (tenant_id, mailbox, message_id, claim_owner, claimed_at, graph_message_id, scanned_at,
                                  action, score, explanation, enforced, links_json, notes)
            VALUES ('tenant-a', 'bob@tenant.example', 'late@x', 'job-1', now(), 'AAMk1', '2024-03-01T12:00:02Z', 'allow', 0, '', true, '[]', ''),
                   ('tenant-a', 'bob@tenant.example', 'early@x', 'job-2', now(), 'AAMk2', '2024-03-01T12:00:01Z', 'quarantine', 0.9, '', true, '[]', '');
            INSERT INTO verdicts (tenant_id, mailbox, message_id, claim_owner, claimed_at)
            VALUES ('tenant-a', 'bob@tenant.example', 'claimed@x', 'job-3', now());
            INSERT INTO audit_entries (at, actor, tenant_id, mailbox, message_id, action, state, reasons)
            VALUES ('2024-03-01T12:00:01Z', 'scanner', 'tenant-a', 'bob@tenant.example', 'early@x', 'quarantine', 'completed', 'test');
            """);

        using var database = new PostgresDatabase(_schema.ConnectionString);
        var verdicts = new PostgresVerdictStore(database);
        var audit = new PostgresAuditLog(database);

        Assert.Equal(["early@x", "late@x"], verdicts.Read(0, long.MaxValue, 10).Select(c => c.Value.Key.MessageId));
        verdicts.Record(new VerdictRecord(new MessageKey("tenant-a", "bob@tenant.example", "claimed@x"), "AAMk3",
            new DateTimeOffset(2024, 3, 1, 12, 0, 3, TimeSpan.Zero), MessageAction.Allow, 0, "", true, "[]", ""));
        Assert.Equal([1L, 2L, 3L], verdicts.Read(0, long.MaxValue, 10).Select(c => c.Sequence));
        Assert.Equal("claimed@x", verdicts.Read(2, long.MaxValue, 10).Single().Value.Key.MessageId);
        var appended = audit.Append(audit.Read(0, long.MaxValue, 10).Single().Value);
        Assert.Equal([1L, 2L], audit.Read(0, long.MaxValue, 10).Select(c => c.Sequence));
        Assert.Equal(appended, audit.Read(1, long.MaxValue, 10).Single().Value.Id);
    }
}
