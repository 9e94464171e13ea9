using M365Scanner.Storage.Sqlite.Migrations;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Tests.Sqlite;

public sealed class SqliteMigratorTests : IDisposable
{
    private static readonly SqliteMigration AuditLog =
        new(SqliteSchema.LatestVersion + 1, "audit log", "CREATE TABLE audit_log (id INTEGER PRIMARY KEY, what TEXT NOT NULL);");

    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqliteMigratorTests() => _connection.Open();

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void Migrate_AppliesEveryStep_WhenDatabaseIsEmpty()
    {
        Assert.Equal(0, SqliteMigrator.CurrentVersion(_connection));

        var version = SqliteMigrator.Migrate(_connection);

        Assert.Equal(SqliteSchema.LatestVersion, version);
        Assert.Equal(SqliteSchema.LatestVersion, SqliteMigrator.CurrentVersion(_connection));
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'edges';"));
    }

    [Fact]
    public void Migrate_ChangesNothing_WhenRunTwice()
    {
        SqliteMigrator.Migrate(_connection);

        SqliteMigrator.Migrate(_connection);

        Assert.Equal((long)SqliteSchema.LatestVersion, Scalar("SELECT COUNT(*) FROM schema_version;"));
    }

    [Fact]
    public void Migrate_AppliesOnlyTheNewStep_WhenALaterStepIsAdded()
    {
        SqliteMigrator.Migrate(_connection);

        var version = SqliteMigrator.Migrate(_connection, [.. SqliteSchema.Migrations, AuditLog]);

        Assert.Equal(AuditLog.Version, version);
        Assert.Equal("audit log", Scalar($"SELECT name FROM schema_version WHERE version = {AuditLog.Version};"));
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM audit_log;"));
    }

    [Fact]
    public void Migrate_Throws_WhenDatabaseIsNewerThanBuild()
    {
        SqliteMigrator.Migrate(_connection, [.. SqliteSchema.Migrations, AuditLog]);

        var error = Assert.Throws<InvalidOperationException>(() => SqliteMigrator.Migrate(_connection));

        Assert.Contains("newer", error.Message);
    }

    [Fact]
    public void Migrate_Throws_WhenStepsAreNotNumberedInOrder()
    {
        Assert.Throws<InvalidOperationException>(() => SqliteMigrator.Migrate(_connection, [AuditLog with { Version = 2 }]));
        Assert.Equal(0, SqliteMigrator.CurrentVersion(_connection));
    }

    [Fact]
    public void Migrate_LeavesNoTrace_WhenAStepFails()
    {
        var broken = new SqliteMigration(SqliteSchema.LatestVersion + 1, "broken", "CREATE TABLE ok (a INTEGER); NOT SQL;");

        Assert.Throws<SqliteException>(() => SqliteMigrator.Migrate(_connection, [.. SqliteSchema.Migrations, broken]));

        Assert.Equal(0, SqliteMigrator.CurrentVersion(_connection));
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('ok', 'edges');"));
    }

    private object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
