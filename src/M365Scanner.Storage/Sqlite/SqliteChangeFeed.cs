using System.Data.Common;
using M365Scanner.Core.Operations;
using M365Scanner.Storage.Rows;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Sqlite;

/// <summary>One feed's reads and its sequence, for the SQLite store that owns the table. SQLite has one writer at a
/// time per file, so the sequence taken inside a write transaction is already in commit order.</summary>
internal sealed class SqliteChangeFeed<T>(SqliteDatabase database, ChangeFeedSql sql, Func<DbDataReader, T> read)
{
    /// <summary>Takes the next sequence inside the caller's write transaction.</summary>
    public long Next(SqliteTransaction transaction)
    {
        using var next = transaction.Command(sql.Next + ";");
        return (long)next.ExecuteScalar()!;
    }

    public long? PageEnd(long after, int limit, string? tenantId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.Read(transaction =>
        {
            using var select = transaction.Command(sql.PageEnd(tenantId is not null));
            Bind(select, after, long.MaxValue, limit, tenantId);
            return select.ExecuteScalar() is long end ? end : (long?)null;
        });
    }

    public IReadOnlyList<Change<T>> Read(long after, long through, int limit, string? tenantId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.Read(transaction =>
        {
            using var select = transaction.Command(sql.Read(tenantId is not null));
            Bind(select, after, through, limit, tenantId);
            using var reader = select.ExecuteReader();
            var changes = new List<Change<T>>();
            while (reader.Read())
                changes.Add(new Change<T>(reader.GetInt64(sql.SequenceOrdinal), read(reader)));
            return changes;
        });
    }

    private static void Bind(SqliteCommand command, long after, long through, int limit, string? tenantId)
    {
        command.With("$after", after).With("$through", through).With("$limit", limit);
        if (tenantId is not null)
            command.With("$tenant", tenantId);
    }
}
