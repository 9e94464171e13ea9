using Npgsql;

namespace M365Scanner.Storage.Postgres;

/// <summary>
/// One PostgreSQL database opened for every store of a process (<see cref="PostgresVerdictStore"/>,
/// <see cref="PostgresAuditLog"/>, <see cref="PostgresWorkerStateStore"/>, <see cref="PostgresTenantStore"/>,
/// <see cref="PostgresHuntStore"/>, <see cref="PostgresScanAttemptStore"/> and one <see cref="PostgresCorrespondenceStore"/>
/// per tenant): a process opens it once, hands it to each store, and disposes it at shutdown. Opening brings the
/// schema to the latest version.
/// </summary>
/// <remarks>
/// <para>The tables are created unqualified, so they land in the first schema of the connection's search path:
/// <c>Search Path=scanner</c> in the connection string puts them in schema <c>scanner</c> (which must exist);
/// without it they go to <c>public</c>.</para>
/// <para>Concurrency: one <see cref="NpgsqlDataSource"/> (a connection pool) per database; every store call takes
/// a pooled connection for one statement or one short transaction, so callers in this process and in other host
/// processes run side by side and the database's own locks keep them correct.</para>
/// <para>Times are kept as <c>timestamptz</c> truncated to whole milliseconds (whole seconds in the graph), the
/// precision the SQLite stores keep: a time read back has offset zero.</para>
/// </remarks>
public sealed class PostgresDatabase : IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private volatile bool _disposed;

    /// <summary>Opens the database named by <paramref name="connectionString"/> (an Npgsql connection string, e.g.
    /// <c>Host=db;Database=m365scanner;Username=scanner;Password=...;Search Path=scanner</c>) and applies the
    /// migrations it has not recorded yet.</summary>
    /// <exception cref="NpgsqlException">The server cannot be reached or refuses the login.</exception>
    /// <exception cref="InvalidOperationException">The database has a newer schema than this build knows.</exception>
    public PostgresDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // The application name shows in pg_stat_activity, which is how an operator tells our sessions apart.
        if (string.IsNullOrEmpty(builder.ApplicationName))
            builder.ApplicationName = "M365Scanner";
        // The stores run the same few statements all day: let Npgsql prepare them on each pooled connection after a
        // few uses (parsed and planned once per connection, not per call), unless the connection string decides.
        if (builder.MaxAutoPrepare == 0)
            builder.MaxAutoPrepare = 64;
        _dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            SchemaVersion = PostgresMigrator.Migrate(_dataSource);
        }
        catch
        {
            _dataSource.Dispose();
            throw;
        }
    }

    /// <summary>The schema version of the database once opened (see <see cref="PostgresSchema"/>).</summary>
    public int SchemaVersion { get; }

    /// <summary>True when the server answers a trivial query within <paramref name="cancellationToken"/> (for a
    /// readiness probe).</summary>
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            await using var command = _dataSource.CreateCommand("SELECT 1;");
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Closes the pool; the stores built on this database throw <see cref="ObjectDisposedException"/>
    /// afterwards.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _dataSource.Dispose();
    }

    /// <summary>A pooled connection, open; dispose it to give it back.</summary>
    internal NpgsqlConnection Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _dataSource.OpenConnection();
    }

    /// <summary>Runs <paramref name="work"/> on a pooled connection outside an explicit transaction: for single
    /// statements, which PostgreSQL runs atomically anyway, and for reads (one statement sees one snapshot).</summary>
    internal T Run<T>(Func<NpgsqlConnection, T> work)
    {
        using var connection = Open();
        return work(connection);
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it or none.</summary>
    internal T Write<T>(Func<NpgsqlConnection, T> work)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var result = work(connection);
        transaction.Commit();
        return result;
    }
}
