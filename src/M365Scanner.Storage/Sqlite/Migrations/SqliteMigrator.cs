using System.Globalization;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Sqlite.Migrations;

/// <summary>
/// Brings a database up to the latest schema when a store opens it: creates <c>schema_version</c> if missing and
/// applies the steps it has not recorded, in order. Safe to run on every open and from several processes at once.
/// </summary>
public static class SqliteMigrator
{
    /// <summary>Applies the missing steps of <paramref name="migrations"/> (default: <see cref="SqliteSchema.Migrations"/>)
    /// and returns the database's version afterwards.</summary>
    /// <exception cref="InvalidOperationException">The database was written by a newer build (its version is above
    /// the last step known here), or the steps are not numbered 1, 2, 3, ...</exception>
    public static int Migrate(SqliteConnection connection, IReadOnlyList<SqliteMigration>? migrations = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        migrations ??= SqliteSchema.Migrations;
        for (var i = 0; i < migrations.Count; i++)
            if (migrations[i].Version != i + 1)
                throw new InvalidOperationException($"Migration steps must be numbered 1, 2, 3, ...; step {i + 1} says {migrations[i].Version}.");

        // IMMEDIATE takes the write lock before reading the version, so two processes opening a new file at once
        // cannot both decide to apply step 1.
        using var transaction = connection.BeginTransaction(deferred: false);
        Execute(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version    INTEGER PRIMARY KEY,
                name       TEXT    NOT NULL,
                applied_at INTEGER NOT NULL
            );
            """);
        var current = CurrentVersion(connection, transaction);
        if (current > migrations.Count)
            throw new InvalidOperationException(
                $"The database is at schema version {current}, newer than this build knows ({migrations.Count}); " +
                "upgrade the program rather than open it with an older one.");

        foreach (var step in migrations.Skip(current))
        {
            Execute(connection, transaction, step.Sql);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = """
                INSERT INTO schema_version (version, name, applied_at)
                VALUES ($version, $name, CAST(strftime('%s', 'now') AS INTEGER));
                """;
            record.Parameters.AddWithValue("$version", step.Version);
            record.Parameters.AddWithValue("$name", step.Name);
            record.ExecuteNonQuery();
        }
        transaction.Commit();
        return Math.Max(current, migrations.Count);
    }

    /// <summary>The highest version recorded in <c>schema_version</c>; 0 for a database no step has touched.</summary>
    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Two statements, because SQLite refuses to compile a query naming a table that does not exist yet.
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version';";
        if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            return 0;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
