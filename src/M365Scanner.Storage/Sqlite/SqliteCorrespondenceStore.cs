using M365Scanner.Core.Correspondence;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Sqlite;

/// <summary>
/// The correspondence graph in an embedded SQLite database: one file per tenant (or memory for tests), the schema
/// created and migrated on open, edges upserted with prepared statements.
/// </summary>
/// <remarks>
/// <para>Concurrency: the store holds one connection and lets one caller at a time use it (SQLite allows one writer
/// per database anyway). Each <see cref="Add"/> is one write transaction, so it is atomic and an edge is reported new
/// to exactly one caller, across threads and across processes sharing the file (they wait on SQLite's lock, up to
/// the busy timeout). Reads are serialised with writes too: a single lookup takes microseconds, and one connection
/// is what makes ":memory:" databases work at all.</para>
/// <para>Batches: <see cref="BeginBatch"/> opens one write transaction that the calling flow (its thread, and the
/// tasks it starts, through an <see cref="AsyncLocal{T}"/>) joins with every Read, Add and nested BeginBatch until the
/// outermost scope is disposed. Other callers wait for it, so keep batches to a page of history, not a whole mailbox.
/// Disposing the outermost scope commits, also when it is left by an exception: a baseline keeps what it learned,
/// and since each Add inside a batch runs under its own savepoint, a failed Add leaves nothing half-applied.</para>
/// <para>Times are kept as whole seconds in UTC: a tally read back has its fractions of a second dropped and
/// offset zero.</para>
/// </remarks>
public sealed class SqliteCorrespondenceStore : ICorrespondenceStore, IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly EdgeCommands _commands;
    // Who owns the connection's transaction: one plain call, or one batch for its whole life. A semaphore, not a
    // monitor, because a batch may be disposed on another thread than the one that began it (after an await).
    private readonly SemaphoreSlim _owner = new(1, 1);
    // One statement sequence at a time, also between tasks running inside one batch.
    private readonly Lock _statements = new();
    private readonly AsyncLocal<FlowBatch?> _flowBatch = new();
    private SqliteTransaction? _batchTransaction;
    private bool _disposed;

    /// <summary>Opens (creating if needed) the database named by <paramref name="connectionString"/> and brings its
    /// schema to the latest version. Examples: <c>Data Source=/var/lib/m365scanner/tenant.db</c>,
    /// <c>Data Source=:memory:</c>, <c>Data Source=test1;Mode=Memory;Cache=Shared</c>.</summary>
    /// <remarks>Connection pooling is switched off: the store keeps its one connection for its lifetime, and
    /// disposing it should release the file.</remarks>
    /// <exception cref="SqliteException">The database cannot be opened or is not a SQLite database.</exception>
    /// <exception cref="InvalidOperationException">The database has a newer schema than this build knows.</exception>
    public SqliteCorrespondenceStore(string connectionString)
    {
        _connection = SqliteConnections.OpenMigrated(connectionString, out var schemaVersion);
        SchemaVersion = schemaVersion;
        try
        {
            _commands = new EdgeCommands(_connection);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens (creating if needed) the database file at <paramref name="path"/>.</summary>
    public static SqliteCorrespondenceStore OpenFile(string path) =>
        new(SqliteConnections.ForFile(path));

    /// <summary>A private in-memory database, gone when the store is disposed.</summary>
    public static SqliteCorrespondenceStore InMemory() => new("Data Source=:memory:");

    /// <summary>The schema version of the database once opened (see <see cref="Migrations.SqliteSchema"/>).</summary>
    public int SchemaVersion { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<EdgeKey, Tally> Read(IReadOnlyCollection<EdgeKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<EdgeKey, Tally>();
        if (keys.Count == 0)
            return found;
        // One prepared lookup per key inside one read transaction: a consistent snapshot, and at a few microseconds
        // a key no slower for the 5-30 keys a message asks for than building a temporary table to join.
        Run(write: false, transaction =>
        {
            foreach (var key in keys)
                if (key.From is not null && key.To is not null && _commands.Select(transaction, key) is { } tally)
                    found[key] = tally;
        });
        return found;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">An observation's key has a null From or To.</exception>
    public IReadOnlySet<EdgeKey> Add(IReadOnlyCollection<EdgeObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var created = new HashSet<EdgeKey>();
        if (observations.Count == 0)
            return created;
        // Several sightings of one key become one upsert, so RETURNING tells new from old exactly.
        var merged = new Dictionary<EdgeKey, (long Count, long First, long Last)>(observations.Count);
        foreach (var (key, at) in observations)
        {
            if (key.From is null || key.To is null)
                throw new ArgumentException("An edge key needs both From and To.", nameof(observations));
            var seconds = UnixSeconds.From(at);
            merged[key] = merged.TryGetValue(key, out var m)
                ? (m.Count + 1, Math.Min(m.First, seconds), Math.Max(m.Last, seconds))
                : (1, seconds, seconds);
        }
        Run(write: true, transaction =>
        {
            foreach (var (key, (count, first, last)) in merged)
                if (_commands.Upsert(transaction, key, count, first, last))
                    created.Add(key);
        });
        return created;
    }

    /// <inheritdoc />
    /// <remarks>Commits when the outermost scope is disposed, also on the way out of an exception (see the class
    /// remarks). A commit that fails (disk full) throws from Dispose and the batch is rolled back.</remarks>
    public IDisposable BeginBatch()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (OwnBatch() is { } open)
            return open.Enter();

        _owner.Wait();
        try
        {
            lock (_statements)
                _batchTransaction = _connection.BeginTransaction(deferred: false);
        }
        catch
        {
            _owner.Release();
            throw;
        }
        var batch = new FlowBatch(EndBatch);
        _flowBatch.Value = batch;
        return batch.Enter();
    }

    /// <summary>The number of edges stored (a full count: for reports and tests, not the hot path).</summary>
    public long CountEdges()
    {
        long count = 0;
        Run(write: false, transaction =>
        {
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "SELECT COUNT(*) FROM edges;";
            count = (long)command.ExecuteScalar()!;
        });
        return count;
    }

    /// <summary>Closes the database. A batch still open is rolled back.</summary>
    public void Dispose()
    {
        lock (_statements)
        {
            if (_disposed)
                return;
            _disposed = true;
            _batchTransaction?.Dispose();
            _commands.Dispose();
            _connection.Dispose();
        }
    }

    private FlowBatch? OwnBatch() => _flowBatch.Value is { IsOpen: true } batch ? batch : null;

    private void Run(bool write, Action<SqliteTransaction> work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (OwnBatch() is not null)
        {
            lock (_statements)
            {
                var transaction = _batchTransaction!;
                if (!write)
                {
                    work(transaction);
                    return;
                }
                _commands.Atomically(transaction, () => work(transaction));
            }
            return;
        }

        _owner.Wait();
        try
        {
            lock (_statements)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                // IMMEDIATE for writes: take SQLite's write lock up front, so another process cannot slip in between
                // our read of a row and our write of it (and the busy timeout applies instead of a deadlock error).
                using var transaction = _connection.BeginTransaction(deferred: !write);
                work(transaction);
                transaction.Commit();
            }
        }
        finally
        {
            _owner.Release();
        }
    }

    private void EndBatch(FlowBatch batch)
    {
        try
        {
            lock (_statements)
            {
                if (!_disposed)
                    _batchTransaction!.Commit();
            }
        }
        finally
        {
            lock (_statements)
            {
                _batchTransaction?.Dispose();
                _batchTransaction = null;
            }
            if (ReferenceEquals(_flowBatch.Value, batch))
                _flowBatch.Value = null;
            _owner.Release();
        }
    }
}
