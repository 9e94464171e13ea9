using M365Scanner.Core.Correspondence;
using M365Scanner.Storage.Sqlite;
using M365Scanner.Storage.Sqlite.Migrations;
using M365Scanner.Storage.Tests.Correspondence;
using M365Scanner.Storage.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Tests.Sqlite;

/// <summary>The durable contract against a SQLite file in a temporary folder (every store of a test opens the same file).</summary>
public sealed class SqliteFileCorrespondenceStoreTests : DurableCorrespondenceStoreContract
{
    private readonly TempDatabaseFile _file = new();

    protected override ICorrespondenceStore CreateStore() => SqliteCorrespondenceStore.OpenFile(_file.Path);

    protected override int LatestSchemaVersion => SqliteSchema.LatestVersion;

    protected override IReadOnlyList<int> RecordedSchemaVersions()
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

    public override void Dispose()
    {
        base.Dispose();
        _file.Dispose();
    }
}
