using System.Data.Common;
using M365Scanner.Core.Operations;
using M365Scanner.Storage.Rows;
using Npgsql;

namespace M365Scanner.Storage.Postgres;

/// <summary>One feed's reads and its sequence, for the PostgreSQL store that owns the table.</summary>
/// <remarks>A plain sequence would not do: a value taken by one host's write and committed after another host's
/// larger one lets a reader that already moved past the larger skip the smaller forever. Here a write takes its
/// value by updating the feed's row of <c>change_counters</c> in the same statement (<see cref="WithNext"/>), and that
/// row stays locked until the write commits: a second writer waits for the first to commit, then takes the next
/// value. Sequence order is then commit order, at the price of one feed's writes committing one at a time (each
/// holds the row for one statement, a millisecond or two).</remarks>
internal sealed class PostgresChangeFeed<T>(PostgresDatabase database, ChangeFeedSql sql, Func<DbDataReader, T> read)
{
    /// <summary>A CTE named <c>change</c> with the next sequence in its column <c>last</c>: prefix it to the write and
    /// use <c>(SELECT last FROM change)</c> as the row's <c>change_seq</c>.</summary>
    public string WithNext => $"WITH change AS ({sql.Next})";

    public long? PageEnd(long after, int limit, string? tenantId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.Run(connection =>
        {
            using var select = connection.Command(sql.PageEnd(tenantId is not null));
            Bind(select, after, long.MaxValue, limit, tenantId);
            return select.ExecuteScalar() is long end ? end : (long?)null;
        });
    }

    public IReadOnlyList<Change<T>> Read(long after, long through, int limit, string? tenantId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.Run(connection =>
        {
            using var select = connection.Command(sql.Read(tenantId is not null));
            Bind(select, after, through, limit, tenantId);
            return select.ReadAll(reader => new Change<T>(reader.GetInt64(sql.SequenceOrdinal), read(reader)));
        });
    }

    private static void Bind(NpgsqlCommand command, long after, long through, int limit, string? tenantId)
    {
        command.With("after", after).With("through", through).With("limit", limit);
        if (tenantId is not null)
            command.With("tenant", tenantId);
    }
}
