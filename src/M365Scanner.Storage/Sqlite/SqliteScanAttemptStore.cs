using M365Scanner.Core.Operations;
using M365Scanner.Storage.Rows;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Sqlite;

/// <summary>Scan attempts and poison marks in a <see cref="SqliteDatabase"/> (table <c>scan_attempts</c>, one row per
/// message with an attempt under way or marked poison).</summary>
/// <remarks>Each call is one IMMEDIATE transaction, so a count read and written by <see cref="Begin"/> cannot
/// interleave with another process's write.</remarks>
public sealed class SqliteScanAttemptStore(SqliteDatabase database) : IScanAttemptStore
{
    private const string PoisonColumns = PoisonRows.Columns;

    private readonly SqliteDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <inheritdoc />
    public ScanAttempts Begin(MessageKey key, int limit, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _database.Write(transaction =>
        {
            // The update's WHERE leaves a row at the limit untouched: no change means no attempt was started.
            using var count = transaction.Command("""
                INSERT INTO scan_attempts (tenant_id, mailbox, message_id, attempts, first_at, last_at)
                VALUES ($tenant, $mailbox, $message, 1, $at, $at)
                ON CONFLICT (tenant_id, mailbox, message_id) DO UPDATE SET
                    attempts   = attempts + 1,
                    last_at    = excluded.last_at,
                    last_error = NULL
                WHERE scan_attempts.attempts < $limit;
                """);
            var started = count.WithKey(key).With("$at", UnixMilliseconds.From(at)).With("$limit", limit).ExecuteNonQuery() == 1;
            using var select = transaction.Command("""
                SELECT attempts, first_at, last_at, last_error FROM scan_attempts
                WHERE tenant_id = $tenant AND mailbox = $mailbox AND message_id = $message;
                """);
            using var reader = select.WithKey(key).ExecuteReader();
            reader.Read();
            return new ScanAttempts(reader.GetInt32(0), started, UnixMilliseconds.ToInstant(reader.GetInt64(1)),
                UnixMilliseconds.ToInstant(reader.GetInt64(2)), reader.GetStringOrNull(3));
        });
    }

    /// <inheritdoc />
    public void Fail(MessageKey key, string error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Execute(key, "UPDATE scan_attempts SET last_error = $error WHERE tenant_id = $tenant AND mailbox = $mailbox AND message_id = $message;",
            ("$error", error));
    }

    /// <inheritdoc />
    public void Uncount(MessageKey key) => Execute(key, """
        UPDATE scan_attempts SET attempts = attempts - 1
        WHERE tenant_id = $tenant AND mailbox = $mailbox AND message_id = $message AND attempts > 0;
        """);

    /// <inheritdoc />
    public void Clear(MessageKey key) => Execute(key, """
        DELETE FROM scan_attempts
        WHERE tenant_id = $tenant AND mailbox = $mailbox AND message_id = $message AND poison_reason IS NULL;
        """);

    /// <inheritdoc />
    public void MarkPoison(PoisonMessage poison)
    {
        ArgumentNullException.ThrowIfNull(poison);
        _database.Write(transaction =>
        {
            using var upsert = transaction.Command($"""
                INSERT INTO scan_attempts ({PoisonColumns}) VALUES ({SqlDialect.Sqlite.Parameters(PoisonColumns)})
                ON CONFLICT (tenant_id, mailbox, message_id) DO UPDATE SET
                    {PoisonRows.SetFromExcluded};
                """);
            SqlDialect.Sqlite.Bind(upsert, PoisonColumns, PoisonRows.Values(poison));
            upsert.ExecuteNonQuery();
        });
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The limit is not positive.</exception>
    public IReadOnlyList<PoisonMessage> QueryPoison(PoisonQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit, nameof(query));
        return _database.Read(transaction =>
        {
            // No index for the list: the table holds only messages in flight and poison ones, a few rows.
            var where = new SqlFilter("poison_reason IS NOT NULL")
                .Equal("tenant_id", query.TenantId)
                .Equal("mailbox", query.Mailbox);
            using var select = transaction.Command($"""
                SELECT {PoisonColumns} FROM scan_attempts
                WHERE {where}
                ORDER BY last_at DESC, id DESC
                LIMIT $limit;
                """);
            where.Bind(select).With("$limit", query.Limit);
            using var reader = select.ExecuteReader();
            var found = new List<PoisonMessage>();
            while (reader.Read())
                found.Add(ReadPoison(reader));
            return found;
        });
    }

    /// <inheritdoc />
    public int DeleteTenant(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        return _database.Write(transaction =>
        {
            using var delete = transaction.Command("DELETE FROM scan_attempts WHERE tenant_id = $tenant;");
            return delete.With("$tenant", tenantId).ExecuteNonQuery();
        });
    }

    private void Execute(MessageKey key, string sql, params (string Name, object? Value)[] values) => _database.Write(transaction =>
    {
        using var command = transaction.Command(sql).WithKey(key);
        foreach (var (name, value) in values)
            command.With(name, value);
        command.ExecuteNonQuery();
    });

    private static PoisonMessage ReadPoison(SqliteDataReader reader) => PoisonRows.Read(reader, SqlDialect.Sqlite);
}
