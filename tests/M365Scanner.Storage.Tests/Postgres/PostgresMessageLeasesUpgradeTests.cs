using M365Scanner.Core.Operations;
using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Tests.TestSupport;
using Npgsql;

namespace M365Scanner.Storage.Tests.Postgres;

/// <summary>A database written before message leases, opened by this build: upgraded in place, its data kept
/// (skipped when no server is configured).</summary>
public sealed class PostgresMessageLeasesUpgradeTests : IDisposable
{
    // The last step before the message_leases table: the schema of every database in the field when it came.
    private const int SchemaBeforeLeases = 7;
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 12, 0, 0, 250, TimeSpan.Zero);
    private static readonly MessageKey Pending = new("tenant-a", "bob@tenant.example", "pending@partner.example");

    private readonly PostgresTestSchema _schema = PostgresTestSchema.CreateOrSkip();

    public void Dispose() => _schema.Dispose();

    [SkippableFact]
    public void Open_AddsMessageLeases_AndKeepsClaimsAndAttempts_WhenTheDatabaseHasTheSchemaBeforeThem()
    {
        using (var dataSource = NpgsqlDataSource.Create(_schema.ConnectionString))
            Assert.Equal(SchemaBeforeLeases, PostgresMigrator.Migrate(dataSource, [.. PostgresSchema.Migrations.Take(SchemaBeforeLeases)]));
        // A scan in flight when the old build stopped: its claim and its counted attempt.
        _schema.Scalar("""
            INSERT INTO verdicts (tenant_id, mailbox, message_id, claim_owner, claimed_at)
            VALUES ('tenant-a', 'bob@tenant.example', 'pending@partner.example', 'job-2', '2024-03-01T12:00:00.250Z');
            INSERT INTO scan_attempts (tenant_id, mailbox, message_id, attempts, first_at, last_at)
            VALUES ('tenant-a', 'bob@tenant.example', 'pending@partner.example', 1, '2024-03-01T12:00:00.250Z', '2024-03-01T12:00:00.250Z');
            """);

        using var database = new PostgresDatabase(_schema.ConnectionString);
        var leases = new PostgresMessageLeases(database);

        Assert.Equal(PostgresSchema.LatestVersion, database.SchemaVersion);
        Assert.Equal(Enumerable.Range(1, PostgresSchema.LatestVersion), _schema.RecordedSchemaVersions());
        Assert.True(new PostgresVerdictStore(database).TryClaim(Pending, "job-2", T0));
        Assert.Equal(2, new PostgresScanAttemptStore(database).Begin(Pending, 3, T0).Count);
        Assert.True(leases.TryAcquire(Pending, "run-1", T0, T0.AddMinutes(1)));
        Assert.False(leases.TryAcquire(Pending, "run-2", T0, T0.AddMinutes(1)));
    }
}
