using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Storage.Sqlite;
using M365Scanner.Storage.Sqlite.Migrations;
using M365Scanner.Storage.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Tests.Sqlite;

/// <summary>A file written before scan attempts were counted, opened by this build: upgraded in place, its data kept.</summary>
public sealed class SqliteScanAttemptsUpgradeTests : IDisposable
{
    // The last step before the scan_attempts table: the schema of every database in the field when it came.
    private const int SchemaBeforeAttempts = 7;
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 12, 0, 0, 250, TimeSpan.Zero);
    private static readonly MessageKey Scanned = new("tenant-a", "bob@tenant.example", "scanned@partner.example");
    private static readonly MessageKey Pending = new("tenant-a", "bob@tenant.example", "pending@partner.example");

    private readonly TempDatabaseFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public void Open_AddsScanAttempts_AndKeepsVerdictsAndClaims_WhenTheFileHasTheSchemaBeforeThem()
    {
        WriteWithTheSchemaBeforeAttempts();

        using var database = SqliteDatabase.OpenFile(_file.Path);
        var verdicts = new SqliteVerdictStore(database);
        var attempts = new SqliteScanAttemptStore(database);

        Assert.Equal(SqliteSchema.LatestVersion, database.SchemaVersion);
        Assert.Equal(Enumerable.Range(1, SqliteSchema.LatestVersion), RecordedVersions());
        Assert.Equal(((MessageAction?)MessageAction.Quarantine, "Invoice"), (verdicts.Get(Scanned)?.Action, verdicts.Get(Scanned)?.Subject));
        // The claim of a scan in flight when the old build stopped is still its job's, and its retry counts from one.
        Assert.True(verdicts.TryClaim(Pending, "job-2", T0));
        Assert.False(verdicts.TryClaim(Pending, "job-3", T0));
        Assert.Equal(new ScanAttempts(1, true, T0, T0, null), attempts.Begin(Pending, 3, T0));
        Assert.Empty(attempts.QueryPoison(new PoisonQuery()));
    }

    private void WriteWithTheSchemaBeforeAttempts()
    {
        using var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        connection.Open();
        Assert.Equal(SchemaBeforeAttempts, SqliteMigrator.Migrate(connection, [.. SqliteSchema.Migrations.Take(SchemaBeforeAttempts)]));
        using var insert = connection.CreateCommand();
        // Rows as that build's verdict store wrote them: a recorded verdict, and a claim whose scan had not ended.
        insert.CommandText = """
            INSERT INTO verdicts (tenant_id, mailbox, message_id, claim_owner, claimed_at, graph_message_id, scanned_at, action, score,
                                  explanation, enforced, links_json, notes, subject, sender)
            VALUES ('tenant-a', 'bob@tenant.example', 'scanned@partner.example', 'job-1', 1709294400250, 'AAMk1', 1709294401250,
                    'quarantine', 0.97, 'why', 1, '[]', '', 'Invoice', 'alice@partner.example');
            INSERT INTO verdicts (tenant_id, mailbox, message_id, claim_owner, claimed_at)
            VALUES ('tenant-a', 'bob@tenant.example', 'pending@partner.example', 'job-2', 1709294400250);
            """;
        insert.ExecuteNonQuery();
    }

    private IReadOnlyList<int> RecordedVersions()
    {
        using var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version ORDER BY version;";
        using var reader = command.ExecuteReader();
        var versions = new List<int>();
        while (reader.Read())
            versions.Add(reader.GetInt32(0));
        return versions;
    }
}
