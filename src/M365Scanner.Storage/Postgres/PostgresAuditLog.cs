using M365Scanner.Core.Operations;
using M365Scanner.Storage.Rows;
using Npgsql;

namespace M365Scanner.Storage.Postgres;

/// <summary>The audit log in a <see cref="PostgresDatabase"/> (table <c>audit_entries</c>). Ids come from an identity
/// sequence: never reused, increasing in the order appends start (with several hosts, two appends in flight may
/// commit in the other order).</summary>
public sealed class PostgresAuditLog(PostgresDatabase database) : IAuditLog, IChangeFeed<AuditEntry>
{
    private const string Columns = AuditRows.Columns;

    private readonly PostgresDatabase _database = database ?? throw new ArgumentNullException(nameof(database));
    private readonly PostgresChangeFeed<AuditEntry> _changes = new(database, ChangeFeedSql.Audit(SqlDialect.Postgres),
        reader => AuditRows.Read(reader, SqlDialect.Postgres));

    /// <inheritdoc />
    public long Append(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _database.Run(connection =>
        {
            using var insert = connection.Command($"""
                {_changes.WithNext}
                INSERT INTO audit_entries ({AuditRows.Written}, change_seq)
                VALUES ({SqlDialect.Postgres.Parameters(AuditRows.Written)}, (SELECT last FROM change))
                RETURNING id;
                """);
            SqlDialect.Postgres.Bind(insert, AuditRows.Written, AuditRows.Values(entry));
            return (long)insert.ExecuteScalar()!;
        });
    }

    /// <inheritdoc />
    /// <exception cref="KeyNotFoundException">No entry has <paramref name="id"/>.</exception>
    public void Update(long id, AuditState state, string? originalMessageId, string? resultMessageId, DateTimeOffset at)
    {
        var updated = _database.Run(connection =>
        {
            // One statement: the step's state, its message ids and its change sequence change together or not at
            // all. Every step is a change an exporter reads again; an unknown id only leaves a gap in the sequence.
            using var update = connection.Command($"""
                {_changes.WithNext}
                UPDATE audit_entries SET
                    state               = @state,
                    original_message_id = COALESCE(@original::text, original_message_id),
                    result_message_id   = COALESCE(@result::text, result_message_id),
                    updated_at          = @at,
                    change_seq          = (SELECT last FROM change)
                WHERE id = @id;
                """);
            return update.With("id", id)
                .With("state", StableName.Of(state))
                .With("original", originalMessageId)
                .With("result", resultMessageId)
                .With("at", at)
                .ExecuteNonQuery();
        });
        if (updated == 0)
            throw new KeyNotFoundException($"No audit entry has id {id}.");
    }

    /// <inheritdoc />
    public AuditEntry? Get(long id) => Single($"SELECT {Columns} FROM audit_entries WHERE id = @id;",
        command => command.With("id", id));

    /// <inheritdoc />
    /// <remarks>"Newest" is the last appended, whatever its <see cref="AuditEntry.At"/> says.</remarks>
    public AuditEntry? Latest(MessageKey key, AuditAction action)
    {
        return Single($"""
            SELECT {Columns} FROM audit_entries
            WHERE tenant_id = @tenant AND mailbox = @mailbox AND message_id = @message AND action = @action
            ORDER BY id DESC LIMIT 1;
            """, command => command.WithKey(key).With("action", StableName.Of(action)));
    }

    /// <inheritdoc />
    /// <remarks>Served by the partial index on result message ids.</remarks>
    public AuditEntry? ActionThatCreated(string tenantId, string mailbox, string graphMessageId)
    {
        return Single($"""
            SELECT {Columns} FROM audit_entries
            WHERE tenant_id = @tenant AND mailbox = @mailbox AND result_message_id = @result
            ORDER BY id DESC LIMIT 1;
            """, command => command.With("tenant", tenantId).With("mailbox", mailbox).With("result", graphMessageId));
    }

    /// <inheritdoc />
    /// <remarks>Served by the index on the key and action.</remarks>
    public IReadOnlyList<AuditEntry> ForMessage(MessageKey key, int limit = 100)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _database.Run(connection =>
        {
            using var select = connection.Command($"""
                SELECT {Columns} FROM audit_entries
                WHERE tenant_id = @tenant AND mailbox = @mailbox AND message_id = @message
                ORDER BY id LIMIT @limit;
                """);
            return select.WithKey(key).With("limit", limit).ReadAll(ReadEntry);
        });
    }

    /// <inheritdoc />
    /// <remarks>Ordered by <see cref="AuditEntry.At"/>, then by id; <paramref name="since"/> is inclusive.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    public IReadOnlyList<AuditEntry> Query(string? tenantId = null, string? mailbox = null, DateTimeOffset? since = null, int limit = 100,
        string? actor = null, string? huntId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _database.Run(connection =>
        {
            var where = new PostgresFilter("TRUE")
                .Equal("tenant_id", tenantId)
                .Equal("mailbox", mailbox)
                .AtLeast("at", since)
                .Equal("actor", actor)
                .Equal("hunt_id", huntId);
            using var select = connection.Command($"""
                SELECT {Columns} FROM audit_entries
                WHERE {where}
                ORDER BY at DESC, id DESC
                LIMIT @limit;
                """);
            return where.Bind(select).With("limit", limit).ReadAll(ReadEntry);
        });
    }

    /// <inheritdoc />
    public long? PageEnd(long after, int limit, string? tenantId = null) => _changes.PageEnd(after, limit, tenantId);

    /// <inheritdoc />
    public IReadOnlyList<Change<AuditEntry>> Read(long after, long through, int limit, string? tenantId = null) =>
        _changes.Read(after, through, limit, tenantId);

    private AuditEntry? Single(string sql, Action<NpgsqlCommand> bind) => _database.Run(connection =>
    {
        using var select = connection.Command(sql);
        bind(select);
        return select.ReadAll(ReadEntry).SingleOrDefault();
    });

    private static AuditEntry ReadEntry(NpgsqlDataReader reader) => AuditRows.Read(reader, SqlDialect.Postgres);
}
