using M365Scanner.Core.Correspondence;
using Npgsql;

namespace M365Scanner.Storage.Postgres;

/// <summary>
/// One tenant's correspondence graph in a <see cref="PostgresDatabase"/>: the rows of table <c>edges</c> that carry
/// the tenant's number (every tenant shares the table). Any number of stores, in any number of host processes, may
/// work on the same tenant at once.
/// </summary>
/// <remarks>
/// <para>Read is one statement (the keys sent as arrays and joined on the primary key), so one round trip whatever
/// the number of keys. Add is one upsert of every observation, aggregated per key first: concurrent adds to one edge
/// queue on its row lock and add up, and exactly one of them inserts it, which is the caller told it is new (the
/// count after the upsert equals what that caller added only for the insert; an existing row had at least one).
/// Rows are upserted in one fixed key order, so two adds sharing several keys lock them in the same order and
/// cannot deadlock.</para>
/// <para>Batches: <see cref="BeginBatch"/> opens one transaction on a connection of its own that the calling flow
/// (its thread, and the tasks it starts, through an <see cref="AsyncLocal{T}"/>) joins with every Read, Add and
/// nested BeginBatch until the outermost scope is disposed; disposing it commits, also on the way out of an
/// exception, and each Add in it runs under a savepoint, so a failed Add leaves nothing half-applied and the batch
/// usable. A batch holds its rows' locks until it commits, so two batches taking the same edges in different orders
/// (a shared sender or link domain, met on different pages) could deadlock; to rule that out a batch holds the
/// tenant's graph lock (a transaction-level advisory lock) exclusively, and a plain Add holds it shared for its one
/// statement. Batches of one tenant therefore run one at a time across every host, and plain Adds wait for the
/// batch in progress, as they wait for SQLite's single writer; reads never wait. The graph's own learning (live scans
/// and baseline pages alike) does not use batches: it is one <see cref="AddWithFollowUp"/>, two ordered writes under
/// the shared lock, so one tenant's learns run side by side across hosts.</para>
/// <para>Times are kept as whole seconds in UTC: a tally read back has its fractions of a second dropped and
/// offset zero.</para>
/// </remarks>
public sealed class PostgresCorrespondenceStore : ICorrespondenceStore, IDisposable
{
    private const string ReadSql = """
        SELECT e.kind, e.from_key, e.to_key, e.count, e.first_seen, e.last_seen
        FROM unnest(@kinds, @froms, @tos) AS k(kind, from_key, to_key)
        JOIN edges e ON e.tenant = @tenant AND e.kind = k.kind AND e.from_key = k.from_key AND e.to_key = k.to_key;
        """;

    // ORDER BY ord: rows are inserted, and so locked, in the order the caller sorted them (see the class remarks).
    private const string UpsertSql = """
        INSERT INTO edges AS e (tenant, kind, from_key, to_key, count, first_seen, last_seen)
        SELECT @tenant, k.kind, k.from_key, k.to_key, k.count, k.first_seen, k.last_seen
        FROM unnest(@kinds, @froms, @tos, @counts, @firsts, @lasts)
             WITH ORDINALITY AS k(kind, from_key, to_key, count, first_seen, last_seen, ord)
        ORDER BY k.ord
        ON CONFLICT (tenant, kind, from_key, to_key) DO UPDATE SET
            count      = e.count + excluded.count,
            first_seen = LEAST(e.first_seen, excluded.first_seen),
            last_seen  = GREATEST(e.last_seen, excluded.last_seen)
        RETURNING e.kind, e.from_key, e.to_key, e.count;
        """;

    private readonly PostgresDatabase _database;
    private readonly int _tenant;
    // The key of this tenant's graph lock (see the class remarks): per schema and tenant number.
    private readonly long _graphLock;
    private readonly AsyncLocal<Batch?> _flowBatch = new();
    private readonly Lock _batches = new();
    private readonly HashSet<Batch> _open = [];
    private volatile bool _disposed;

    /// <summary>The graph of <paramref name="tenantId"/> (compared exactly, as a file name would be) in
    /// <paramref name="database"/>; registers the tenant's number on first use.</summary>
    public PostgresCorrespondenceStore(PostgresDatabase database, string tenantId)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        _database = database;
        TenantId = tenantId;
        using var connection = database.Open();
        using var batch = new NpgsqlBatch(connection);
        // Two statements in one round trip. Of two stores registering one tenant at once, the second insert waits for
        // the first and does nothing; its select (a new snapshot, as every statement gets in READ COMMITTED) then sees
        // the committed row.
        var register = new NpgsqlBatchCommand("INSERT INTO edge_tenants (tenant_id) VALUES (@tenant) ON CONFLICT (tenant_id) DO NOTHING;");
        register.Parameters.AddWithValue("tenant", tenantId);
        var select = new NpgsqlBatchCommand("""
            SELECT id, hashtextextended('m365scanner graph ' || current_schema() || ' ' || id, 0)
            FROM edge_tenants WHERE tenant_id = @tenant;
            """);
        select.Parameters.AddWithValue("tenant", tenantId);
        batch.BatchCommands.Add(register);
        batch.BatchCommands.Add(select);
        // The insert returns no rows, so the reader starts at the select's.
        using var reader = batch.ExecuteReader();
        reader.Read();
        _tenant = reader.GetInt32(0);
        _graphLock = reader.GetInt64(1);
    }

    /// <summary>The tenant whose graph this is.</summary>
    public string TenantId { get; }

    /// <inheritdoc />
    public IReadOnlyDictionary<EdgeKey, Tally> Read(IReadOnlyCollection<EdgeKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<EdgeKey, Tally>();
        var wanted = keys.Where(k => k.From is not null && k.To is not null).ToArray();
        if (wanted.Length == 0)
            return found;
        OnConnection(connection =>
        {
            using var select = new NpgsqlCommand(ReadSql, connection);
            select.Parameters.AddWithValue("tenant", _tenant);
            select.Parameters.AddWithValue("kinds", wanted.Select(k => (short)k.Kind).ToArray());
            select.Parameters.AddWithValue("froms", wanted.Select(k => k.From).ToArray());
            select.Parameters.AddWithValue("tos", wanted.Select(k => k.To).ToArray());
            using var reader = select.ExecuteReader();
            while (reader.Read())
                found[new EdgeKey((EdgeKind)reader.GetInt16(0), reader.GetString(1), reader.GetString(2))] =
                    new Tally(reader.GetInt64(3), reader.GetInstant(4), reader.GetInstant(5));
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
        var rows = EdgeRows.Merge(observations);
        if (OwnBatch() is { } batch)
        {
            lock (batch.Statements)
                batch.Atomically(() => Upsert(batch.Connection, rows, created, sharedLock: false));
            return created;
        }
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var connection = _database.Open();
        Upsert(connection, rows, created, sharedLock: true);
        return created;
    }

    /// <inheritdoc />
    /// <remarks>Outside a batch: one transaction holding the tenant's graph lock shared, as a plain Add does, so learns
    /// of one tenant run side by side across hosts and wait only for an open batch. No deadlock between them: each
    /// write upserts in key order and the follow-up's kinds never occur in the first write (checked), so every such
    /// transaction takes its row locks in one global order. Inside the flow's batch it joins the batch.</remarks>
    /// <exception cref="ArgumentException">The follow-up uses a kind the first write used.</exception>
    public IReadOnlySet<EdgeKey> AddWithFollowUp(IReadOnlyCollection<EdgeObservation> observations,
        Func<IReadOnlySet<EdgeKey>, IReadOnlyCollection<EdgeObservation>> followUp)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(followUp);
        if (OwnBatch() is not null)
        {
            var joined = Add(observations);
            if (followUp(joined) is { Count: > 0 } more)
                Add(more);
            return joined;
        }
        ObjectDisposedException.ThrowIf(_disposed, this);
        var created = new HashSet<EdgeKey>();
        if (observations.Count == 0)
            return created;
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        using (var lockGraph = new NpgsqlCommand("SELECT pg_advisory_xact_lock_shared(@lock);", connection))
        {
            lockGraph.Parameters.AddWithValue("lock", _graphLock);
            lockGraph.ExecuteNonQuery();
        }
        Upsert(connection, EdgeRows.Merge(observations), created, sharedLock: false);
        if (followUp(created) is { Count: > 0 } followUps)
        {
            var firstKinds = observations.Select(o => o.Key.Kind).ToHashSet();
            if (followUps.Any(o => firstKinds.Contains(o.Key.Kind)))
                throw new ArgumentException("The follow-up of AddWithFollowUp must not use a kind of its first write (lock order).", nameof(followUp));
            Upsert(connection, EdgeRows.Merge(followUps), [], sharedLock: false);
        }
        transaction.Commit();
        return created;
    }

    /// <inheritdoc />
    /// <remarks>Commits when the outermost scope is disposed, also on the way out of an exception (see the class
    /// remarks). A commit that fails throws from Dispose and the batch is rolled back.</remarks>
    public IDisposable BeginBatch()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (OwnBatch() is { } open)
            return open.Flow.Enter();

        var connection = _database.Open();
        Batch batch;
        try
        {
            var transaction = connection.BeginTransaction();
            using (var lockGraph = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@lock);", connection))
            {
                lockGraph.Parameters.AddWithValue("lock", _graphLock);
                lockGraph.ExecuteNonQuery();
            }
            batch = new Batch(connection, transaction, EndBatch);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        lock (_batches)
            _open.Add(batch);
        _flowBatch.Value = batch;
        return batch.Flow.Enter();
    }

    /// <summary>The number of this tenant's edges (a full count: for reports and tests, not the hot path).</summary>
    public long CountEdges()
    {
        long count = 0;
        OnConnection(connection =>
        {
            using var command = new NpgsqlCommand("SELECT COUNT(*) FROM edges WHERE tenant = @tenant;", connection);
            command.Parameters.AddWithValue("tenant", _tenant);
            count = (long)command.ExecuteScalar()!;
        });
        return count;
    }

    /// <summary>Deletes every edge of this tenant (offboarding; the counterpart of deleting a tenant's SQLite file)
    /// and returns how many.</summary>
    public long DeleteAllEdges()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        // Exclusive, like a batch: no add of this tenant half-applied around the delete.
        using var delete = new NpgsqlCommand("""
            SELECT pg_advisory_xact_lock(@lock);
            DELETE FROM edges WHERE tenant = @tenant;
            """, connection);
        delete.Parameters.AddWithValue("lock", _graphLock);
        delete.Parameters.AddWithValue("tenant", _tenant);
        var deleted = delete.ExecuteNonQuery();
        transaction.Commit();
        return deleted;
    }

    /// <summary>Stops the store: a batch still open is rolled back. The database stays open (other stores use it).</summary>
    public void Dispose()
    {
        Batch[] open;
        lock (_batches)
        {
            if (_disposed)
                return;
            _disposed = true;
            open = [.. _open];
            _open.Clear();
        }
        foreach (var batch in open)
            lock (batch.Statements)
                batch.Close();
    }

    private Batch? OwnBatch() => _flowBatch.Value is { Flow.IsOpen: true } batch ? batch : null;

    /// <summary>Runs a read on the flow's batch connection when it has one (to see its own adds), else on a pooled one.</summary>
    private void OnConnection(Action<NpgsqlConnection> work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (OwnBatch() is { } batch)
        {
            lock (batch.Statements)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                work(batch.Connection);
            }
            return;
        }
        using var connection = _database.Open();
        work(connection);
    }

    private void Upsert(NpgsqlConnection connection, EdgeRows rows, HashSet<EdgeKey> created, bool sharedLock)
    {
        using var batch = new NpgsqlBatch(connection);
        if (sharedLock)
        {
            // Outside a transaction, the statements of one NpgsqlBatch run in one implicit transaction: the shared
            // lock is held exactly for the upsert.
            var lockGraph = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock_shared(@lock);");
            lockGraph.Parameters.AddWithValue("lock", _graphLock);
            batch.BatchCommands.Add(lockGraph);
        }
        var upsert = new NpgsqlBatchCommand(UpsertSql);
        upsert.Parameters.AddWithValue("tenant", _tenant);
        upsert.Parameters.AddWithValue("kinds", rows.Kinds);
        upsert.Parameters.AddWithValue("froms", rows.Froms);
        upsert.Parameters.AddWithValue("tos", rows.Tos);
        upsert.Parameters.AddWithValue("counts", rows.Counts);
        upsert.Parameters.AddWithValue("firsts", rows.Firsts);
        upsert.Parameters.AddWithValue("lasts", rows.Lasts);
        batch.BatchCommands.Add(upsert);

        using var reader = batch.ExecuteReader();
        if (sharedLock)
            reader.NextResult();
        while (reader.Read())
        {
            var key = new EdgeKey((EdgeKind)reader.GetInt16(0), reader.GetString(1), reader.GetString(2));
            if (reader.GetInt64(3) == rows.CountOf(key))
                created.Add(key);
        }
    }

    private void EndBatch(Batch batch)
    {
        try
        {
            lock (batch.Statements)
            {
                if (!_disposed)
                    batch.Transaction.Commit();
            }
        }
        finally
        {
            lock (batch.Statements)
                batch.Close();
            lock (_batches)
                _open.Remove(batch);
            if (ReferenceEquals(_flowBatch.Value, batch))
                _flowBatch.Value = null;
        }
    }

    /// <summary>An open batch: its connection and transaction, and the scope count of the flow that owns it.</summary>
    private sealed class Batch
    {
        public Batch(NpgsqlConnection connection, NpgsqlTransaction transaction, Action<Batch> end)
        {
            Connection = connection;
            Transaction = transaction;
            Flow = new FlowBatch(_ => end(this));
        }

        public NpgsqlConnection Connection { get; }
        public NpgsqlTransaction Transaction { get; }
        public FlowBatch Flow { get; }

        /// <summary>One statement sequence at a time on the connection, also between tasks sharing the batch.</summary>
        public Lock Statements { get; } = new();

        /// <summary>Runs <paramref name="work"/> under a savepoint: all of it or none, and the transaction stays usable
        /// (in PostgreSQL an error aborts the whole transaction unless rolled back to a savepoint).</summary>
        public void Atomically(Action work)
        {
            Transaction.Save("edge_add");
            try
            {
                work();
            }
            catch
            {
                try
                {
                    Transaction.Rollback("edge_add");
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
                {
                    // The connection is gone; the original error says why, and the commit will fail too.
                }
                throw;
            }
            Transaction.Release("edge_add");
        }

        /// <summary>Rolls back whatever was not committed and gives the connection back.</summary>
        public void Close()
        {
            Transaction.Dispose();
            Connection.Dispose();
        }
    }
}
