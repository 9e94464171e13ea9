using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Storage.Sqlite;
using M365Scanner.Storage.Sqlite.Migrations;
using M365Scanner.Storage.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Tests.Sqlite;

/// <summary>A file written before tenant policies, opened by this build: upgraded in place, its data kept.</summary>
public sealed class SqlitePolicyUpgradeTests : IDisposable
{
    // The last step before the policy tables: the schema of every database in the field when they came.
    private const int SchemaBeforePolicies = 9;
    private static readonly DateTimeOffset T0 = new(2024, 3, 1, 12, 0, 0, 250, TimeSpan.Zero);
    private static readonly MessageKey Held = new("tenant-a", "bob@tenant.example", "held@partner.example");

    private readonly TempDatabaseFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public void Open_AddsPolicyTables_AndKeepsLeases_WhenTheFileHasTheSchemaBeforeThem()
    {
        using (var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False"))
        {
            connection.Open();
            Assert.Equal(SchemaBeforePolicies, SqliteMigrator.Migrate(connection, [.. SqliteSchema.Migrations.Take(SchemaBeforePolicies)]));
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO message_leases (tenant_id, mailbox, message_id, holder, expires_at)
                VALUES ('tenant-a', 'bob@tenant.example', 'held@partner.example', 'run-1', 32503680000000);
                """;
            insert.ExecuteNonQuery();
        }

        using var database = SqliteDatabase.OpenFile(_file.Path);
        var policies = new SqlitePolicyStore(database);
        var version = new TenantPolicyVersion("tenant-a", new TenantPolicyOverride(Mode: PolicyMode.ReportOnly), "alice", T0);
        policies.Save(version);

        Assert.Equal(SqliteSchema.LatestVersion, database.SchemaVersion);
        Assert.Equal(version, policies.Current("tenant-a"));
        Assert.False(new SqliteMessageLeases(database).TryAcquire(Held, "run-2", T0, T0.AddMinutes(1)));
    }

    [Fact]
    public void Open_AddsTheHeldMessageNoticeSetting_AndAnOverrideSavedBeforeItInherits()
    {
        // Found by name, so the test follows the step when steps are renumbered.
        var schemaBeforeNotice = SqliteSchema.Migrations.Single(m => m.Name == "held-message notice setting of tenant policies").Version - 1;
        using (var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False"))
        {
            connection.Open();
            Assert.Equal(schemaBeforeNotice, SqliteMigrator.Migrate(connection, [.. SqliteSchema.Migrations.Take(schemaBeforeNotice)]));
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO tenant_policies (tenant_id, changed_by, changed_at, mode, rewrite_threshold, quarantine_threshold, quarantine_established)
                VALUES ('tenant-a', 'alice', 1709294400250, 'report-only', NULL, NULL, 1);
                """;
            insert.ExecuteNonQuery();
        }

        using var database = SqliteDatabase.OpenFile(_file.Path);
        var policies = new SqlitePolicyStore(database);

        Assert.Equal(SqliteSchema.LatestVersion, database.SchemaVersion);
        Assert.Equal(new TenantPolicyOverride(PolicyMode.ReportOnly, QuarantineEstablishedSenders: true), policies.Current("tenant-a")!.Override);
        policies.Save(new TenantPolicyVersion("tenant-a", new TenantPolicyOverride(HeldMessageNotice: true), "bob", T0));
        Assert.True(policies.Current("tenant-a")!.Override.HeldMessageNotice);
    }
}
