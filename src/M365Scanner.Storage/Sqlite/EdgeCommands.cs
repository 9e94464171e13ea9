using M365Scanner.Core.Correspondence;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Sqlite;

/// <summary>The two statements the edge store runs per key, prepared once per connection and reused, so a
/// baseline of a million upserts pays for parsing and planning once.</summary>
/// <remarks>Not thread-safe: the store serialises every use.</remarks>
internal sealed class EdgeCommands : IDisposable
{
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _select;
    private readonly SqliteCommand _savepoint;
    private readonly SqliteCommand _release;
    private readonly SqliteCommand _rollbackTo;

    public EdgeCommands(SqliteConnection connection)
    {
        // RETURNING gives the count after the statement; it equals the observations just added exactly when the
        // row was inserted (an existing row already had count >= 1), so "was new" needs no second query and holds
        // under any concurrency, because the statement runs inside the caller's write transaction.
        _upsert = Prepare(connection, """
            INSERT INTO edges (kind, from_key, to_key, count, first, last)
            VALUES ($kind, $from, $to, $count, $first, $last)
            ON CONFLICT (kind, from_key, to_key) DO UPDATE SET
                count = count + excluded.count,
                first = min(first, excluded.first),
                last  = max(last, excluded.last)
            RETURNING count;
            """, "$kind", "$from", "$to", "$count", "$first", "$last");
        _select = Prepare(connection,
            "SELECT count, first, last FROM edges WHERE kind = $kind AND from_key = $from AND to_key = $to;",
            "$kind", "$from", "$to");
        // The savepoint that makes one Add atomic inside a batch, run once per Add: prepared like the rest
        // (SqliteTransaction.Save would compile a new statement each time).
        _savepoint = Prepare(connection, "SAVEPOINT edge_add;");
        _release = Prepare(connection, "RELEASE edge_add;");
        _rollbackTo = Prepare(connection, "ROLLBACK TO edge_add;");
    }

    /// <summary>Runs <paramref name="work"/> under a savepoint of <paramref name="transaction"/>: all of it or none.</summary>
    public void Atomically(SqliteTransaction transaction, Action work)
    {
        Run(_savepoint, transaction);
        try
        {
            work();
        }
        catch
        {
            Run(_rollbackTo, transaction);
            throw;
        }
        finally
        {
            Run(_release, transaction);
        }
    }

    /// <summary>Adds <paramref name="count"/> sightings between <paramref name="first"/> and <paramref name="last"/> (unix
    /// seconds) to the edge; true when this call created it.</summary>
    public bool Upsert(SqliteTransaction transaction, EdgeKey key, long count, long first, long last)
    {
        Bind(_upsert, transaction, key);
        _upsert.Parameters[3].Value = count;
        _upsert.Parameters[4].Value = first;
        _upsert.Parameters[5].Value = last;
        return (long)_upsert.ExecuteScalar()! == count;
    }

    public Tally? Select(SqliteTransaction transaction, EdgeKey key)
    {
        Bind(_select, transaction, key);
        using var reader = _select.ExecuteReader();
        if (!reader.Read())
            return null;
        return new Tally(reader.GetInt64(0), UnixSeconds.ToInstant(reader.GetInt64(1)), UnixSeconds.ToInstant(reader.GetInt64(2)));
    }

    public void Dispose()
    {
        foreach (var command in new[] { _upsert, _select, _savepoint, _release, _rollbackTo })
            command.Dispose();
    }

    private static void Run(SqliteCommand command, SqliteTransaction transaction)
    {
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, SqliteTransaction transaction, EdgeKey key)
    {
        command.Transaction = transaction;
        command.Parameters[0].Value = (long)key.Kind;
        command.Parameters[1].Value = key.From;
        command.Parameters[2].Value = key.To;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        return command;
    }
}
