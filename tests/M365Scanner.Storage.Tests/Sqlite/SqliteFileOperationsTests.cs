using M365Scanner.Storage.Sqlite;
using M365Scanner.Storage.Sqlite.Migrations;
using M365Scanner.Storage.Tests.Operations;
using M365Scanner.Storage.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Tests.Sqlite;

/// <summary>The durable operations contract against a SQLite file: each connection is its own
/// <see cref="SqliteDatabase"/>, as each process of a deployment would have.</summary>
public sealed class SqliteFileOperationsTests : DurableOperationsContract
{
    private readonly TempDatabaseFile _file = new();

    protected override Connection CreateConnection()
    {
        var database = SqliteDatabase.OpenFile(_file.Path);
        return new(new SqliteVerdictStore(database), new SqliteAuditLog(database), new SqliteWorkerStateStore(database),
            new SqliteScanAttemptStore(database), database);
    }

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
