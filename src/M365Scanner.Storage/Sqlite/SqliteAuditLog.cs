using M365Scanner.Core.Operations;
using M365Scanner.Storage.Rows;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Sqlite;

/// <summary>The audit log in a <see cref="SqliteDatabase"/> (table <c>audit_entries</c>). Ids are assigned by the
/// database in append order and never reused.</summary>
public sealed class SqliteAuditLog(SqliteDatabase database) : IAuditLog, IChangeFeed<AuditEntry>
{
    private const string Columns = AuditRows.Columns;

    private readonly SqliteDatabase _database = database ?? throw new ArgumentNullException(nameof(database));
    private readonly SqliteChangeFeed<AuditEntry> _changes = new(database, ChangeFeedSql.Audit(SqlDialect.Sqlite),
        reader => AuditRows.Read(reader, SqlDialect.Sqlite));

    /// <inheritdoc />
    public long Append(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _database.Write(transaction =>
        {
            var change = _changes.Next(transaction);
            using var insert = transaction.Command($"""
                INSERT INTO audit_entries ({AuditRows.Written}, change_seq)
                VALUES ({SqlDialect.Sqlite.Parameters(AuditRows.Written)}, $change_seq)
                RETURNING id;
                """);
            SqlDialect.Sqlite.Bind(insert, AuditRows.Written, AuditRows.Values(entry));
            return (long)insert.With("$change_seq", change).ExecuteScalar()!;
        });
    }

    /// <inheritdoc />
    /// <exception cref="KeyNotFoundException">No entry has <paramref name="id"/>: resuming a step of an action
    /// that was never appended is a bug to surface, not to skip.</exception>
    public void Update(long id, AuditState state, string? originalMessageId, string? resultMessageId, DateTimeOffset at)
    {
        var updated = _database.Write(transaction =>
        {
            // Every step is a change an exporter reads again; an unknown id only leaves a gap in the sequence.
            var change = _changes.Next(transaction);
            using var update = transaction.Command("""
                UPDATE audit_entries SET
                    state               = $state,
                    original_message_id = COALESCE($original, original_message_id),
                    result_message_id   = COALESCE($result, result_message_id),
                    updated_at          = $at,
                    change_seq          = $change_seq
                WHERE id = $id;
                """);
            return update.With("$id", id)
                .With("$change_seq", change)
                .With("$state", StableName.Of(state))
                .With("$original", originalMessageId)
                .With("$result", resultMessageId)
                .With("$at", UnixMilliseconds.From(at))
                .ExecuteNonQuery();
        });
        if (updated == 0)
            throw new KeyNotFoundException($"No audit entry has id {id}.");
    }

    /// <inheritdoc />
    public AuditEntry? Get(long id) => Single($"SELECT {Columns} FROM audit_entries WHERE id = $id;",
        command => command.With("$id", id));

    /// <inheritdoc />
    /// <remarks>"Newest" is the last appended, whatever its <see cref="AuditEntry.At"/> says.</remarks>
    public AuditEntry? Latest(MessageKey key, AuditAction action)
    {
        return Single($"""
            SELECT {Columns} FROM audit_entries
            WHERE tenant_id = $tenant AND mailbox = $mailbox AND message_id = $message AND action = $action
            ORDER BY id DESC LIMIT 1;
            """, command => command.WithKey(key).With("$action", StableName.Of(action)));
    }

    /// <inheritdoc />
    /// <remarks>Served by the partial index on result message ids.</remarks>
    public AuditEntry? ActionThatCreated(string tenantId, string mailbox, string graphMessageId)
    {
        return Single($"""
            SELECT {Columns} FROM audit_entries
            WHERE tenant_id = $tenant AND mailbox = $mailbox AND result_message_id = $result
            ORDER BY id DESC LIMIT 1;
            """, command => command.With("$tenant", tenantId).With("$mailbox", mailbox).With("$result", graphMessageId));
    }

    /// <inheritdoc />
    /// <remarks>Served by the index on the key and action.</remarks>
    public IReadOnlyList<AuditEntry> ForMessage(MessageKey key, int limit = 100)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _database.Read(transaction =>
        {
            using var select = transaction.Command($"""
                SELECT {Columns} FROM audit_entries
                WHERE tenant_id = $tenant AND mailbox = $mailbox AND message_id = $message
                ORDER BY id LIMIT $limit;
                """);
            using var reader = select.WithKey(key).With("$limit", limit).ExecuteReader();
            var entries = new List<AuditEntry>();
            while (reader.Read())
                entries.Add(ReadEntry(reader));
            return entries;
        });
    }

    /// <inheritdoc />
    /// <remarks>Ordered by <see cref="AuditEntry.At"/>, then by id; <paramref name="since"/> is inclusive.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    public IReadOnlyList<AuditEntry> Query(string? tenantId = null, string? mailbox = null, DateTimeOffset? since = null, int limit = 100,
        string? actor = null, string? huntId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _database.Read(transaction =>
        {
            // Only the filters given become conditions, so the planner can use the tenant index (see SqlFilter).
            var where = new SqlFilter("1")
                .Equal("tenant_id", tenantId)
                .Equal("mailbox", mailbox)
                .AtLeast("at", since is { } s ? UnixMilliseconds.From(s) : null)
                .Equal("actor", actor)
                .Equal("hunt_id", huntId);
            using var select = transaction.Command($"""
                SELECT {Columns} FROM audit_entries
                WHERE {where}
                ORDER BY at DESC, id DESC
                LIMIT $limit;
                """);
            where.Bind(select).With("$limit", limit);
            using var reader = select.ExecuteReader();
            var entries = new List<AuditEntry>();
            while (reader.Read())
                entries.Add(ReadEntry(reader));
            return entries;
        });
    }

    private AuditEntry? Single(string sql, Action<SqliteCommand> bind) => _database.Read(transaction =>
    {
        using var select = transaction.Command(sql);
        bind(select);
        using var reader = select.ExecuteReader();
        return reader.Read() ? ReadEntry(reader) : null;
    });

    private static AuditEntry ReadEntry(SqliteDataReader reader) => AuditRows.Read(reader, SqlDialect.Sqlite);

    /// <inheritdoc />
    public long? PageEnd(long after, int limit, string? tenantId = null) => _changes.PageEnd(after, limit, tenantId);

    /// <inheritdoc />
    public IReadOnlyList<Change<AuditEntry>> Read(long after, long through, int limit, string? tenantId = null) =>
        _changes.Read(after, through, limit, tenantId);
}
