using M365Scanner.Core.Operations;
using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Tests.TestSupport;
using Npgsql;

namespace M365Scanner.Storage.Tests.Postgres;

/// <summary>A database written before release requests, opened by this build: upgraded in place, its data kept
/// (skipped when no server is configured).</summary>
public sealed class PostgresReleaseRequestsUpgradeTests : IDisposable
{
    // The last step before the release_requests table: the schema of every database in the field when it came.
    private const int SchemaBeforeRequests = 12;
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 12, 0, 0, 250, TimeSpan.Zero);
    private static readonly MessageKey Held = new("tenant-a", "bob@tenant.example", "held@partner.example");

    private readonly PostgresTestSchema _schema = PostgresTestSchema.CreateOrSkip();

    public void Dispose() => _schema.Dispose();

    [SkippableFact]
    public void Open_AddsReleaseRequests_AndKeepsAttempts_WhenTheDatabaseHasTheSchemaBeforeThem()
    {
        using (var dataSource = NpgsqlDataSource.Create(_schema.ConnectionString))
            Assert.Equal(SchemaBeforeRequests, PostgresMigrator.Migrate(dataSource, [.. PostgresSchema.Migrations.Take(SchemaBeforeRequests)]));
        _schema.Scalar("""
            INSERT INTO scan_attempts (tenant_id, mailbox, message_id, attempts, first_at, last_at)
            VALUES ('tenant-a', 'bob@tenant.example', 'held@partner.example', 1, '2024-03-01T12:00:00.250Z', '2024-03-01T12:00:00.250Z');
            """);

        using var database = new PostgresDatabase(_schema.ConnectionString);
        var requests = new PostgresReleaseRequestStore(database);
        var request = new ReleaseRequest("r1", Held, Held.Mailbox, T0, "expected");

        Assert.Equal(PostgresSchema.LatestVersion, database.SchemaVersion);
        Assert.Equal(Enumerable.Range(1, PostgresSchema.LatestVersion), _schema.RecordedSchemaVersions());
        Assert.True(requests.File(request).Filed);
        Assert.Equal(request, requests.Latest(Held));
        Assert.Equal(2, new PostgresScanAttemptStore(database).Begin(Held, 3, T0).Count);
    }
}
