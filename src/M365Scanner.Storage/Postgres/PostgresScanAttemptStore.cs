using M365Scanner.Core.Operations;
using M365Scanner.Storage.Rows;
using Npgsql;

namespace M365Scanner.Storage.Postgres;

/// <summary>Scan attempts and poison marks in a <see cref="PostgresDatabase"/> (table <c>scan_attempts</c>, one row
/// per message with an attempt under way or marked poison).</summary>
/// <remarks>Every write is one statement, atomic across the hosts sharing the database; <see cref="Begin"/> is one
/// upsert whose update branch takes the row's lock and checks the count on its latest version.</remarks>
public sealed class PostgresScanAttemptStore(PostgresDatabase database) : IScanAttemptStore
{
    private const string PoisonColumns = PoisonRows.Columns;

    private readonly PostgresDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <inheritdoc />
    public ScanAttempts Begin(MessageKey key, int limit, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _database.Write(connection =>
        {
            // A row comes back when the insert made one or the update counted the attempt; a row at the limit fails
            // the WHERE, returns nothing, and is read as it is (the transaction holds its lock since the upsert).
            using var count = connection.Command("""
                INSERT INTO scan_attempts (tenant_id, mailbox, message_id, attempts, first_at, last_at)
                VALUES (@tenant, @mailbox, @message, 1, @at, @at)
                ON CONFLICT (tenant_id, mailbox, message_id) DO UPDATE SET
                    attempts   = scan_attempts.attempts + 1,
                    last_at    = excluded.last_at,
                    last_error = NULL
                WHERE scan_attempts.attempts < @limit
                RETURNING attempts, first_at, last_at, last_error;
                """);
            var counted = count.WithKey(key).With("at", at).With("limit", limit).ReadAll(reader => ReadAttempts(reader, started: true));
            if (counted.Count == 1)
                return counted[0];
            using var select = connection.Command("""
                SELECT attempts, first_at, last_at, last_error FROM scan_attempts
                WHERE tenant_id = @tenant AND mailbox = @mailbox AND message_id = @message;
                """);
            return select.WithKey(key).ReadAll(reader => ReadAttempts(reader, started: false)).Single();
        });
    }

    /// <inheritdoc />
    public void Fail(MessageKey key, string error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Execute(key, "UPDATE scan_attempts SET last_error = @error WHERE tenant_id = @tenant AND mailbox = @mailbox AND message_id = @message;",
            ("error", error));
    }

    /// <inheritdoc />
    public void Uncount(MessageKey key) => Execute(key, """
        UPDATE scan_attempts SET attempts = attempts - 1
        WHERE tenant_id = @tenant AND mailbox = @mailbox AND message_id = @message AND attempts > 0;
        """);

    /// <inheritdoc />
    public void Clear(MessageKey key) => Execute(key, """
        DELETE FROM scan_attempts
        WHERE tenant_id = @tenant AND mailbox = @mailbox AND message_id = @message AND poison_reason IS NULL;
        """);

    /// <inheritdoc />
    public void MarkPoison(PoisonMessage poison)
    {
        ArgumentNullException.ThrowIfNull(poison);
        _database.Run(connection =>
        {
            using var upsert = connection.Command($"""
                INSERT INTO scan_attempts ({PoisonColumns}) VALUES ({SqlDialect.Postgres.Parameters(PoisonColumns)})
                ON CONFLICT (tenant_id, mailbox, message_id) DO UPDATE SET
                    {PoisonRows.SetFromExcluded};
                """);
            SqlDialect.Postgres.Bind(upsert, PoisonColumns, PoisonRows.Values(poison));
            return upsert.ExecuteNonQuery();
        });
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">The limit is not positive.</exception>
    public IReadOnlyList<PoisonMessage> QueryPoison(PoisonQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit, nameof(query));
        return _database.Run(connection =>
        {
            // No index for the list: the table holds only messages in flight and poison ones, a few rows.
            var where = new PostgresFilter("poison_reason IS NOT NULL")
                .Equal("tenant_id", query.TenantId)
                .Equal("mailbox", query.Mailbox);
            using var select = connection.Command($"""
                SELECT {PoisonColumns} FROM scan_attempts
                WHERE {where}
                ORDER BY last_at DESC, id DESC
                LIMIT @limit;
                """);
            return where.Bind(select).With("limit", query.Limit).ReadAll(ReadPoison);
        });
    }

    /// <inheritdoc />
    public int DeleteTenant(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        return _database.Run(connection =>
        {
            using var delete = connection.Command("DELETE FROM scan_attempts WHERE tenant_id = @tenant;");
            return delete.With("tenant", tenantId).ExecuteNonQuery();
        });
    }

    private void Execute(MessageKey key, string sql, params (string Name, object? Value)[] values) => _database.Run(connection =>
    {
        using var command = connection.Command(sql).WithKey(key);
        foreach (var (name, value) in values)
            command.With(name, value);
        return command.ExecuteNonQuery();
    });

    private static ScanAttempts ReadAttempts(NpgsqlDataReader reader, bool started) =>
        new(reader.GetInt32(0), started, reader.GetInstant(1), reader.GetInstant(2), reader.GetStringOrNull(3));

    private static PoisonMessage ReadPoison(NpgsqlDataReader reader) => PoisonRows.Read(reader, SqlDialect.Postgres);
}
