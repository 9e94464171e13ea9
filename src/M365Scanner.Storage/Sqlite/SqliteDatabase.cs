using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Sqlite;

/// <summary>
/// One SQLite database opened for the operations stores (<see cref="SqliteVerdictStore"/>,
/// <see cref="SqliteAuditLog"/>, <see cref="SqliteWorkerStateStore"/>): a process opens it once, hands it to each
/// store, and disposes it at shutdown. Opening creates the file if needed and brings the schema to the latest version.
/// </summary>
/// <remarks>
/// <para>Concurrency: one connection, used by one caller at a time; every store call is one short transaction
/// (IMMEDIATE for writes, so a read-then-write such as a claim cannot interleave with another process's write; the
/// busy timeout makes it wait instead of failing). Several processes may open the same file.</para>
/// <para>The correspondence graph keeps its own connection (<see cref="SqliteCorrespondenceStore"/>, which may open
/// the same file): its batches hold the connection's transaction for a page of history, and sharing it would make
/// every claim wait behind a baseline. Both run the same migrations, so either may open a new file first.</para>
/// <para>Times are kept as whole milliseconds in UTC: a time read back has its sub-millisecond part dropped and
/// offset zero.</para>
/// </remarks>
public sealed class SqliteDatabase : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();
    private bool _disposed;

    /// <summary>Opens (creating if needed) the database named by <paramref name="connectionString"/>, e.g.
    /// <c>Data Source=/var/lib/m365scanner/ops.db</c> or <c>Data Source=:memory:</c>.</summary>
    /// <exception cref="SqliteException">The database cannot be opened or is not a SQLite database.</exception>
    /// <exception cref="InvalidOperationException">The database has a newer schema than this build knows.</exception>
    public SqliteDatabase(string connectionString)
    {
        _connection = SqliteConnections.OpenMigrated(connectionString, out var schemaVersion);
        SchemaVersion = schemaVersion;
    }

    /// <summary>Opens (creating if needed) the database file at <paramref name="path"/>.</summary>
    public static SqliteDatabase OpenFile(string path) => new(SqliteConnections.ForFile(path));

    /// <summary>A private in-memory database, gone when disposed (tests, the offline demo).</summary>
    public static SqliteDatabase InMemory() => new("Data Source=:memory:");

    /// <summary>The schema version of the database once opened (see <see cref="Migrations.SqliteSchema"/>).</summary>
    public int SchemaVersion { get; }

    /// <summary>Closes the connection; the stores built on this database throw <see cref="ObjectDisposedException"/>
    /// afterwards.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
            _connection.Dispose();
        }
    }

    /// <summary>Runs <paramref name="work"/> in one read transaction (a consistent snapshot).</summary>
    internal T Read<T>(Func<SqliteTransaction, T> work) => Run(write: false, work);

    /// <summary>Runs <paramref name="work"/> in one IMMEDIATE write transaction: all of it or none, and no other
    /// writer (thread or process) in between.</summary>
    internal T Write<T>(Func<SqliteTransaction, T> work) => Run(write: true, work);

    internal void Write(Action<SqliteTransaction> work) => Run<object?>(write: true, transaction =>
    {
        work(transaction);
        return null;
    });

    private T Run<T>(bool write, Func<SqliteTransaction, T> work)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = _connection.BeginTransaction(deferred: !write);
            var result = work(transaction);
            transaction.Commit();
            return result;
        }
    }
}
