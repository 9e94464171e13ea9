using M365Scanner.Core.Operations;
using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Tests.TestSupport;
using Npgsql;

namespace M365Scanner.Storage.Tests.Postgres;

/// <summary>A database written before phish reports, opened by this build: upgraded in place, its data kept (skipped
/// when no server is configured).</summary>
public sealed class PostgresPhishReportsUpgradeTests : IDisposable
{
    // The last step before the phish_reports table.
    private static readonly int SchemaBeforeReports = PostgresSchema.Migrations.Single(m => m.Name == "phish reports").Version - 1;
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 12, 0, 0, 250, TimeSpan.Zero);
    private static readonly MessageKey Held = new("tenant-a", "bob@tenant.example", "held@partner.example");

    private readonly PostgresTestSchema _schema = PostgresTestSchema.CreateOrSkip();

    public void Dispose() => _schema.Dispose();

    [SkippableFact]
    public void Open_AddsPhishReports_AndKeepsReleaseRequests_WhenTheDatabaseHasTheSchemaBeforeThem()
    {
        using (var dataSource = NpgsqlDataSource.Create(_schema.ConnectionString))
            Assert.Equal(SchemaBeforeReports, PostgresMigrator.Migrate(dataSource, [.. PostgresSchema.Migrations.Take(SchemaBeforeReports)]));
        _schema.Scalar("""
            INSERT INTO release_requests (id, tenant_id, mailbox, message_id, requested_by, requested_at, note, state)
            VALUES ('r1', 'tenant-a', 'bob@tenant.example', 'held@partner.example', 'bob@tenant.example', '2024-03-01T12:00:00.250Z', 'expected', 'open');
            """);

        using var database = new PostgresDatabase(_schema.ConnectionString);
        var reports = new PostgresPhishReportStore(database);

        Assert.Equal(PostgresSchema.LatestVersion, database.SchemaVersion);
        Assert.Equal(Enumerable.Range(1, PostgresSchema.LatestVersion), _schema.RecordedSchemaVersions());
        Assert.True(reports.Record(new PhishReport("p1", "tenant-a", "report@x", Held.Mailbox, true, T0, Held.MessageId, "a@evil.example",
            "s", ["https://evil.example/"], "")).Recorded);
        Assert.Equal("p1", Assert.Single(reports.Recent(10)).Id);
        Assert.Equal("expected", new PostgresReleaseRequestStore(database).Latest(Held)!.Note);
    }
}
