using M365Scanner.Core.Operations;
using M365Scanner.Storage.Sqlite;
using M365Scanner.Storage.Sqlite.Migrations;
using M365Scanner.Storage.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Tests.Sqlite;

/// <summary>A file written before release requests, opened by this build: upgraded in place, its data kept.</summary>
public sealed class SqliteReleaseRequestsUpgradeTests : IDisposable
{
    // The last step before the release_requests table: the schema of every database in the field when it came.
    private const int SchemaBeforeRequests = 13;
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 12, 0, 0, 250, TimeSpan.Zero);
    private static readonly MessageKey Held = new("tenant-a", "bob@tenant.example", "held@partner.example");

    private readonly TempDatabaseFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public void Open_AddsReleaseRequests_AndKeepsLeases_WhenTheFileHasTheSchemaBeforeThem()
    {
        using (var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False"))
        {
            connection.Open();
            Assert.Equal(SchemaBeforeRequests, SqliteMigrator.Migrate(connection, [.. SqliteSchema.Migrations.Take(SchemaBeforeRequests)]));
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO message_leases (tenant_id, mailbox, message_id, holder, expires_at)
                VALUES ('tenant-a', 'bob@tenant.example', 'held@partner.example', 'run-1', 32503680000000);
                """;
            insert.ExecuteNonQuery();
        }

        using var database = SqliteDatabase.OpenFile(_file.Path);
        var requests = new SqliteReleaseRequestStore(database);
        var request = new ReleaseRequest("r1", Held, Held.Mailbox, T0, "expected");

        Assert.Equal(SqliteSchema.LatestVersion, database.SchemaVersion);
        Assert.True(requests.File(request).Filed);
        Assert.Equal(request, requests.Latest(Held));
        Assert.False(new SqliteMessageLeases(database).TryAcquire(Held, "run-2", T0, T0.AddMinutes(1)));
    }
}
