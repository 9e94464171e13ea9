using M365Scanner.Core.Operations;
using M365Scanner.Storage.Sqlite;
using M365Scanner.Storage.Sqlite.Migrations;
using M365Scanner.Storage.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Tests.Sqlite;

/// <summary>A file written before message leases, opened by this build: upgraded in place, its data kept.</summary>
public sealed class SqliteMessageLeasesUpgradeTests : IDisposable
{
    // The last step before the message_leases table: the schema of every database in the field when it came.
    private const int SchemaBeforeLeases = 8;
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 12, 0, 0, 250, TimeSpan.Zero);
    private static readonly MessageKey Pending = new("tenant-a", "bob@tenant.example", "pending@partner.example");

    private readonly TempDatabaseFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public void Open_AddsMessageLeases_AndKeepsClaimsAndAttempts_WhenTheFileHasTheSchemaBeforeThem()
    {
        using (var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False"))
        {
            connection.Open();
            Assert.Equal(SchemaBeforeLeases, SqliteMigrator.Migrate(connection, [.. SqliteSchema.Migrations.Take(SchemaBeforeLeases)]));
            using var insert = connection.CreateCommand();
            // A scan in flight when the old build stopped: its claim and its counted attempt.
            insert.CommandText = """
                INSERT INTO verdicts (tenant_id, mailbox, message_id, claim_owner, claimed_at)
                VALUES ('tenant-a', 'bob@tenant.example', 'pending@partner.example', 'job-2', 1709294400250);
                INSERT INTO scan_attempts (tenant_id, mailbox, message_id, attempts, first_at, last_at)
                VALUES ('tenant-a', 'bob@tenant.example', 'pending@partner.example', 1, 1709294400250, 1709294400250);
                """;
            insert.ExecuteNonQuery();
        }

        using var database = SqliteDatabase.OpenFile(_file.Path);
        var leases = new SqliteMessageLeases(database);

        Assert.Equal(SqliteSchema.LatestVersion, database.SchemaVersion);
        Assert.True(new SqliteVerdictStore(database).TryClaim(Pending, "job-2", T0));
        Assert.Equal(2, new SqliteScanAttemptStore(database).Begin(Pending, 3, T0).Count);
        Assert.True(leases.TryAcquire(Pending, "run-1", T0, T0.AddMinutes(1)));
        Assert.False(leases.TryAcquire(Pending, "run-2", T0, T0.AddMinutes(1)));
    }
}
