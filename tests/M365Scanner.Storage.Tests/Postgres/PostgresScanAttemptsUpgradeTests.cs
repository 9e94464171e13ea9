using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Tests.TestSupport;
using Npgsql;

namespace M365Scanner.Storage.Tests.Postgres;

/// <summary>A database written before scan attempts were counted, opened by this build: upgraded in place, its data
/// kept (skipped when no server is configured).</summary>
public sealed class PostgresScanAttemptsUpgradeTests : IDisposable
{
    // The last step before the scan_attempts table: the schema of every database in the field when it came.
    private const int SchemaBeforeAttempts = 6;
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 12, 0, 0, 250, TimeSpan.Zero);
    private static readonly MessageKey Scanned = new("tenant-a", "bob@tenant.example", "scanned@partner.example");
    private static readonly MessageKey Pending = new("tenant-a", "bob@tenant.example", "pending@partner.example");

    private readonly PostgresTestSchema _schema = PostgresTestSchema.CreateOrSkip();

    public void Dispose() => _schema.Dispose();

    [SkippableFact]
    public void Open_AddsScanAttempts_AndKeepsVerdictsAndClaims_WhenTheDatabaseHasTheSchemaBeforeThem()
    {
        using (var dataSource = NpgsqlDataSource.Create(_schema.ConnectionString))
            Assert.Equal(SchemaBeforeAttempts, PostgresMigrator.Migrate(dataSource, [.. PostgresSchema.Migrations.Take(SchemaBeforeAttempts)]));
        // Rows as that build's verdict store wrote them: a recorded verdict, and a claim whose scan had not ended.
        _schema.Scalar("""
            INSERT INTO verdicts (tenant_id, mailbox, message_id, claim_owner, claimed_at, graph_message_id, scanned_at, action, score,
                                  explanation, enforced, links_json, notes, subject, sender)
            VALUES ('tenant-a', 'bob@tenant.example', 'scanned@partner.example', 'job-1', '2024-03-01T12:00:00.250Z', 'AAMk1',
                    '2024-03-01T12:00:01.250Z', 'quarantine', 0.97, 'why', true, '[]', '', 'Invoice', 'alice@partner.example');
            INSERT INTO verdicts (tenant_id, mailbox, message_id, claim_owner, claimed_at)
            VALUES ('tenant-a', 'bob@tenant.example', 'pending@partner.example', 'job-2', '2024-03-01T12:00:00.250Z');
            """);

        using var database = new PostgresDatabase(_schema.ConnectionString);
        var verdicts = new PostgresVerdictStore(database);
        var attempts = new PostgresScanAttemptStore(database);

        Assert.Equal(PostgresSchema.LatestVersion, database.SchemaVersion);
        Assert.Equal(Enumerable.Range(1, PostgresSchema.LatestVersion), _schema.RecordedSchemaVersions());
        Assert.Equal(((MessageAction?)MessageAction.Quarantine, "Invoice"), (verdicts.Get(Scanned)?.Action, verdicts.Get(Scanned)?.Subject));
        // The claim of a scan in flight when the old build stopped is still its job's, and its retry counts from one.
        Assert.True(verdicts.TryClaim(Pending, "job-2", T0));
        Assert.False(verdicts.TryClaim(Pending, "job-3", T0));
        Assert.Equal(new ScanAttempts(1, true, T0, T0, null), attempts.Begin(Pending, 3, T0));
        Assert.Empty(attempts.QueryPoison(new PoisonQuery()));
    }
}
