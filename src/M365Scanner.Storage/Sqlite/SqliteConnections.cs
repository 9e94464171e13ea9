using M365Scanner.Storage.Sqlite.Migrations;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Sqlite;

/// <summary>How every SQLite store opens its connection: the same pragmas and the same migrations, so stores that
/// share one file (the correspondence graph and the operations stores) agree on its settings and schema.</summary>
internal static class SqliteConnections
{
    /// <summary>Opens the database named by <paramref name="connectionString"/> with pooling off (the caller keeps
    /// the connection for its lifetime; disposing it should release the file), applies the pragmas and brings the
    /// schema to the latest version.</summary>
    /// <exception cref="SqliteException">The database cannot be opened or is not a SQLite database.</exception>
    /// <exception cref="InvalidOperationException">The database has a newer schema than this build knows.</exception>
    public static SqliteConnection OpenMigrated(string connectionString, out int schemaVersion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            ApplyPragmas(connection);
            schemaVersion = SqliteMigrator.Migrate(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The connection string for the file at <paramref name="path"/> (made absolute, so a later change of
    /// working directory cannot point a second store at another file).</summary>
    public static string ForFile(string path) =>
        new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path) }.ToString();

    private static void ApplyPragmas(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        // busy_timeout first: switching a new file to WAL needs a lock another connection may briefly hold.
        // WAL: readers in other processes (an admin page, the CLI) are not blocked by a writer, and a commit is one
        // sequential append. synchronous=NORMAL is safe with WAL (a power cut may lose the last commits, never
        // corrupt). busy_timeout: wait for another process's write instead of failing at once.
        // cache_size: 32 MiB of pages, so a baseline's random upserts over a large edge table stay in memory.
        command.CommandText = """
            PRAGMA busy_timeout = 5000;
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA cache_size = -32768;
            """;
        command.ExecuteNonQuery();
    }
}
