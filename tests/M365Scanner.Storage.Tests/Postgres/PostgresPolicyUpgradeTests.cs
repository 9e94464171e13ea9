using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Tests.TestSupport;
using Npgsql;

namespace M365Scanner.Storage.Tests.Postgres;

/// <summary>A database written before tenant policies, opened by this build: upgraded in place, its data kept
/// (skipped when no server is configured).</summary>
public sealed class PostgresPolicyUpgradeTests : IDisposable
{
    // The last step before the policy tables: the schema of every database in the field when they came.
    private const int SchemaBeforePolicies = 8;
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 12, 0, 0, 250, TimeSpan.Zero);
    private static readonly MessageKey Held = new("tenant-a", "bob@tenant.example", "held@partner.example");

    private readonly PostgresTestSchema _schema = PostgresTestSchema.CreateOrSkip();

    public void Dispose() => _schema.Dispose();

    [SkippableFact]
    public void Open_AddsPolicyTables_AndKeepsLeases_WhenTheDatabaseHasTheSchemaBeforeThem()
    {
        using (var dataSource = NpgsqlDataSource.Create(_schema.ConnectionString))
            Assert.Equal(SchemaBeforePolicies, PostgresMigrator.Migrate(dataSource, [.. PostgresSchema.Migrations.Take(SchemaBeforePolicies)]));
        _schema.Scalar("""
            INSERT INTO message_leases (tenant_id, mailbox, message_id, holder, expires_at)
            VALUES ('tenant-a', 'bob@tenant.example', 'held@partner.example', 'run-1', '2999-01-01T00:00:00Z');
            """);

        using var database = new PostgresDatabase(_schema.ConnectionString);
        var policies = new PostgresPolicyStore(database);
        var version = new TenantPolicyVersion("tenant-a", new TenantPolicyOverride(Mode: PolicyMode.ReportOnly), "alice", T0);
        policies.Save(version);

        Assert.Equal(PostgresSchema.LatestVersion, database.SchemaVersion);
        Assert.Equal(Enumerable.Range(1, PostgresSchema.LatestVersion), _schema.RecordedSchemaVersions());
        Assert.Equal(version, policies.Current("tenant-a"));
        Assert.False(new PostgresMessageLeases(database).TryAcquire(Held, "run-2", T0, T0.AddMinutes(1)));
    }
}
