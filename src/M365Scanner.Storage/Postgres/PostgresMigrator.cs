using Npgsql;

namespace M365Scanner.Storage.Postgres;

/// <summary>
/// Brings a database up to the latest schema when <see cref="PostgresDatabase"/> opens it: creates
/// <c>schema_version</c> if missing and applies the steps it has not recorded, in order, all in one transaction.
/// Safe to run on every start and from several hosts at once.
/// </summary>
public static class PostgresMigrator
{
    /// <summary>Applies the missing steps of <paramref name="migrations"/> (default: <see cref="PostgresSchema.Migrations"/>)
    /// in the first schema of the connection's search path and returns the database's version afterwards.</summary>
    /// <exception cref="InvalidOperationException">The database was written by a newer build, or the steps are not
    /// numbered 1, 2, 3, ...</exception>
    public static int Migrate(NpgsqlDataSource dataSource, IReadOnlyList<PostgresMigration>? migrations = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        migrations ??= PostgresSchema.Migrations;
        for (var i = 0; i < migrations.Count; i++)
            if (migrations[i].Version != i + 1)
                throw new InvalidOperationException($"Migration steps must be numbered 1, 2, 3, ...; step {i + 1} says {migrations[i].Version}.");

        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        // Two hosts starting at once would both see version 0 and both run step 1 (and CREATE TABLE IF NOT EXISTS
        // races on the catalog even so). The advisory lock makes the second wait until the first commits, then read
        // the version it recorded. Keyed by schema, so hosts (or tests) using other schemas do not wait for each
        // other; released with the transaction, so a crashed host cannot leave it held.
        Execute(connection, "SELECT pg_advisory_xact_lock(hashtextextended('m365scanner schema ' || current_schema(), 0));");
        Execute(connection, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version    integer     PRIMARY KEY,
                name       text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            """);
        var current = CurrentVersion(connection);
        if (current > migrations.Count)
            throw new InvalidOperationException(
                $"The database is at schema version {current}, newer than this build knows ({migrations.Count}); " +
                "upgrade the program rather than open it with an older one.");

        foreach (var step in migrations.Skip(current))
        {
            Execute(connection, step.Sql);
            using var record = new NpgsqlCommand("INSERT INTO schema_version (version, name) VALUES (@version, @name);", connection);
            record.Parameters.AddWithValue("version", step.Version);
            record.Parameters.AddWithValue("name", step.Name);
            record.ExecuteNonQuery();
        }
        transaction.Commit();
        return Math.Max(current, migrations.Count);
    }

    /// <summary>The highest version recorded in <c>schema_version</c>; 0 when the table does not exist yet.</summary>
    public static int CurrentVersion(NpgsqlConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // to_regclass resolves the unqualified name through the search path, as the CREATE TABLE above does.
        using var exists = new NpgsqlCommand("SELECT to_regclass('schema_version') IS NOT NULL;", connection);
        if (!(bool)exists.ExecuteScalar()!)
            return 0;
        using var max = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version;", connection);
        return (int)max.ExecuteScalar()!;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
