using System.Xml.Linq;
using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Tests.TestSupport;
using Npgsql;

namespace M365Scanner.Storage.Tests.Postgres;

/// <summary>A database written before requesters, hunt ids and Data Protection keys were stored, opened by this
/// build: upgraded in place, its rows kept, the scheduled hunts named the scanner's and the rest left unknown (skipped
/// when no server is configured).</summary>
public sealed class PostgresActorsUpgradeTests : IDisposable
{
    // The last step before them: the schema of every database in the field when they came.
    private const int SchemaBeforeActors = 9;

    private readonly PostgresTestSchema _schema = PostgresTestSchema.CreateOrSkip();

    public void Dispose() => _schema.Dispose();

    [SkippableFact]
    public void Open_NamesScheduledHuntsTheScanners_LeavesTheRestUnknown_AndStoresKeys()
    {
        using (var dataSource = NpgsqlDataSource.Create(_schema.ConnectionString))
            Assert.Equal(SchemaBeforeActors, PostgresMigrator.Migrate(dataSource, [.. PostgresSchema.Migrations.Take(SchemaBeforeActors)]));
        _schema.Scalar("""
            INSERT INTO hunts (id, kind, window_hours, act, source, state, created_at, mailboxes, messages, acted_on, matches_json, errors_json)
            VALUES ('by-schedule', 'retro', 48, true, 'schedule', 'completed', '2024-03-01T12:00:00Z', 1, 2, 0, '[]', '[]'),
                   ('by-api', 'retro', 48, true, 'api', 'completed', '2024-03-01T12:00:01Z', 1, 2, 0, '[]', '[]');
            INSERT INTO audit_entries (at, actor, tenant_id, mailbox, message_id, action, state, reasons)
            VALUES ('2024-03-01T12:00:00Z', 'scanner', 'tenant-a', 'bob@tenant.example', 'm1@partner.example', 'quarantine', 'completed', 'why');
            INSERT INTO tenants (tenant_key, tenant_id, state, granted_roles) VALUES ('tenant-a', 'tenant-a', 'active', 'Mail.ReadWrite');
            """);

        using var database = new PostgresDatabase(_schema.ConnectionString);

        Assert.Equal(PostgresSchema.LatestVersion, database.SchemaVersion);
        Assert.Equal(Enumerable.Range(1, PostgresSchema.LatestVersion), _schema.RecordedSchemaVersions());
        var hunts = new PostgresHuntStore(database);
        Assert.Equal("scanner", hunts.Get("by-schedule")!.RequestedBy);
        Assert.Null(hunts.Get("by-api")!.RequestedBy);
        var entry = Assert.Single(new PostgresAuditLog(database).Query());
        Assert.Equal(("scanner", null), (entry.Actor, entry.HuntId));
        Assert.Null(new PostgresTenantStore(database).Get("tenant-a")!.ChangedBy);
        var keys = new PostgresXmlRepository(database);
        keys.StoreElement(new XElement("key", new XAttribute("id", "k1")), "key-k1");
        Assert.Equal("k1", Assert.Single(keys.GetAllElements()).Attribute("id")!.Value);
    }
}
