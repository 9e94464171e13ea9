using M365Scanner.Core.Operations;
using M365Scanner.Storage.Sqlite;
using M365Scanner.Storage.Sqlite.Migrations;
using M365Scanner.Storage.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Tests.Sqlite;

/// <summary>A file written before phish reports, opened by this build: upgraded in place, its data kept.</summary>
public sealed class SqlitePhishReportsUpgradeTests : IDisposable
{
    // The last step before the phish_reports table.
    private static readonly int SchemaBeforeReports = SqliteSchema.Migrations.Single(m => m.Name == "phish reports").Version - 1;
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 12, 0, 0, 250, TimeSpan.Zero);
    private static readonly MessageKey Held = new("tenant-a", "bob@tenant.example", "held@partner.example");

    private readonly TempDatabaseFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public void Open_AddsPhishReports_AndKeepsReleaseRequests_WhenTheFileHasTheSchemaBeforeThem()
    {
        using (var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False"))
        {
            connection.Open();
            Assert.Equal(SchemaBeforeReports, SqliteMigrator.Migrate(connection, [.. SqliteSchema.Migrations.Take(SchemaBeforeReports)]));
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO release_requests (id, tenant_id, mailbox, message_id, requested_by, requested_at, note, state)
                VALUES ('r1', 'tenant-a', 'bob@tenant.example', 'held@partner.example', 'bob@tenant.example', 1709294400250, 'expected', 'open');
                """;
            insert.ExecuteNonQuery();
        }

        using var database = SqliteDatabase.OpenFile(_file.Path);
        var reports = new SqlitePhishReportStore(database);

        Assert.Equal(SqliteSchema.LatestVersion, database.SchemaVersion);
        Assert.True(reports.Record(new PhishReport("p1", "tenant-a", "report@x", Held.Mailbox, true, T0, Held.MessageId, "a@evil.example",
            "s", ["https://evil.example/"], "")).Recorded);
        Assert.Equal("p1", Assert.Single(reports.Recent(10)).Id);
        Assert.Equal("expected", new SqliteReleaseRequestStore(database).Latest(Held)!.Note);
    }
}
