using Npgsql;

namespace M365Scanner.Storage.Tests.TestSupport;

/// <summary>
/// A throwaway schema on the test PostgreSQL server, for one test: created fresh, dropped (with everything in it)
/// on dispose. The server comes from <see cref="EnvironmentVariable"/>; when it is unset, <see cref="CreateOrSkip"/>
/// skips the calling test (it must be a [SkippableFact] or [SkippableTheory]) with <see cref="SkipMessage"/>.
/// </summary>
/// <remarks>A schema per test, not a database: CREATE SCHEMA takes about a millisecond, CREATE DATABASE copies a
/// template. Shared by the test projects that need PostgreSQL (linked as a file), so they agree on the variable and
/// the message.</remarks>
public sealed class PostgresTestSchema : IDisposable
{
    /// <summary>The Npgsql connection string of the test server, e.g.
    /// <c>Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres</c> (what <c>.ci/postgres-start</c> prints).</summary>
    public const string EnvironmentVariable = "M365SCANNER_TEST_POSTGRES";

    public const string SkipMessage = "PostgreSQL tests skipped: set M365SCANNER_TEST_POSTGRES or run .ci/postgres-start";

    private PostgresTestSchema(string server)
    {
        Name = "t_" + Guid.NewGuid().ToString("N");
        Server = server;
        Execute(server, $"CREATE SCHEMA {Name};");
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = Name }.ToString();
    }

    /// <summary>The server's connection string, or null when the tests that need one are to be skipped.</summary>
    public static string? ConfiguredServer =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } server ? server : null;

    /// <summary>The schema's name (<c>t_</c> and a GUID).</summary>
    public string Name { get; }

    /// <summary>The server's connection string, search path not set.</summary>
    public string Server { get; }

    /// <summary>The server's connection string with <c>Search Path</c> set to this schema: what a store under test opens.</summary>
    public string ConnectionString { get; }

    /// <summary>A new schema on the configured server; skips the calling test when none is configured.</summary>
    public static PostgresTestSchema CreateOrSkip()
    {
        var server = ConfiguredServer;
        Skip.If(server is null, SkipMessage);
        return new PostgresTestSchema(server!);
    }

    /// <summary>Runs <paramref name="sql"/> in this schema and returns the first column of the first row (or null).</summary>
    public object? Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    /// <summary>The versions recorded in this schema's <c>schema_version</c>, lowest first.</summary>
    public IReadOnlyList<int> RecordedSchemaVersions()
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT version FROM schema_version ORDER BY version;", connection);
        using var reader = command.ExecuteReader();
        var versions = new List<int>();
        while (reader.Read())
            versions.Add(reader.GetInt32(0));
        return versions;
    }

    public void Dispose()
    {
        // The pool of this schema's connection string holds idle connections until cleared; they hold no locks.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString));
        Execute(Server, $"DROP SCHEMA IF EXISTS {Name} CASCADE;");
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
