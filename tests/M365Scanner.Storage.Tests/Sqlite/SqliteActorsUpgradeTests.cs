using System.Xml.Linq;
using M365Scanner.Storage.Sqlite;
using M365Scanner.Storage.Sqlite.Migrations;
using M365Scanner.Storage.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Tests.Sqlite;

/// <summary>A file written before requesters, hunt ids and Data Protection keys were stored, opened by this build:
/// upgraded in place, its rows kept, the scheduled hunts named the scanner's and the rest left unknown.</summary>
public sealed class SqliteActorsUpgradeTests : IDisposable
{
    // The last step before them: the schema of every database in the field when they came.
    private const int SchemaBeforeActors = 10;

    private readonly TempDatabaseFile _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public void Open_NamesScheduledHuntsTheScanners_LeavesTheRestUnknown_AndStoresKeys()
    {
        using (var connection = new SqliteConnection($"Data Source={_file.Path};Pooling=False"))
        {
            connection.Open();
            Assert.Equal(SchemaBeforeActors, SqliteMigrator.Migrate(connection, [.. SqliteSchema.Migrations.Take(SchemaBeforeActors)]));
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO hunts (id, kind, window_hours, act, source, state, created_at, mailboxes, messages, acted_on, matches_json, errors_json)
                VALUES ('by-schedule', 'retro', 48, 1, 'schedule', 'completed', 1709294400000, 1, 2, 0, '[]', '[]'),
                       ('by-api', 'retro', 48, 1, 'api', 'completed', 1709294400001, 1, 2, 0, '[]', '[]');
                INSERT INTO audit_entries (at, actor, tenant_id, mailbox, message_id, action, state, reasons)
                VALUES (1709294400000, 'scanner', 'tenant-a', 'bob@tenant.example', 'm1@partner.example', 'quarantine', 'completed', 'retro-hunt by-schedule: why');
                INSERT INTO tenants (tenant_id, state, granted_roles) VALUES ('tenant-a', 'active', 'Mail.ReadWrite');
                """;
            insert.ExecuteNonQuery();
        }

        using var database = SqliteDatabase.OpenFile(_file.Path);

        Assert.Equal(SqliteSchema.LatestVersion, database.SchemaVersion);
        var hunts = new SqliteHuntStore(database);
        Assert.Equal("scanner", hunts.Get("by-schedule")!.RequestedBy);
        Assert.Null(hunts.Get("by-api")!.RequestedBy);
        var entry = Assert.Single(new SqliteAuditLog(database).Query());
        Assert.Equal(("scanner", null), (entry.Actor, entry.HuntId));
        Assert.Null(new SqliteTenantStore(database).Get("tenant-a")!.ChangedBy);
        var keys = new SqliteXmlRepository(database);
        keys.StoreElement(new XElement("key", new XAttribute("id", "k1")), "key-k1");
        Assert.Equal("k1", Assert.Single(keys.GetAllElements()).Attribute("id")!.Value);
    }
}
