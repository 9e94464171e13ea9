using M365Scanner.Core.Operations;
using M365Scanner.Storage.Rows;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Sqlite;

/// <summary>Release requests in a <see cref="SqliteDatabase"/> (table <c>release_requests</c>). A partial unique index
/// keeps one open request per message, so <see cref="File"/> is one insert that does nothing when one is open.</summary>
public sealed class SqliteReleaseRequestStore(SqliteDatabase database) : IReleaseRequestStore
{
    private const string Columns = ReleaseRequestRows.Columns;

    private readonly SqliteDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <inheritdoc />
    public (ReleaseRequest Request, bool Filed) File(ReleaseRequest request)
    {
        ReleaseRequestRows.CheckFiled(request);
        return _database.Write(transaction =>
        {
            using var insert = transaction.Command("""
                INSERT INTO release_requests (id, tenant_id, mailbox, message_id, requested_by, requested_at, note, state)
                VALUES ($id, $tenant, $mailbox, $message, $by, $at, $note, 'open')
                ON CONFLICT DO NOTHING;
                """);
            var filed = insert.WithKey(request.Key).With("$id", request.Id).With("$by", request.RequestedBy)
                .With("$at", UnixMilliseconds.From(request.RequestedAt)).With("$note", request.Note).ExecuteNonQuery() == 1;
            using var select = transaction.Command($"""
                SELECT {Columns} FROM release_requests
                WHERE tenant_id = $tenant AND mailbox = $mailbox AND message_id = $message AND state = 'open';
                """);
            return (Single(select.WithKey(request.Key))!, filed);
        });
    }

    /// <inheritdoc />
    public ReleaseRequest? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _database.Read(transaction =>
        {
            using var select = transaction.Command($"SELECT {Columns} FROM release_requests WHERE id = $id;");
            return Single(select.With("$id", id));
        });
    }

    /// <inheritdoc />
    public ReleaseRequest? Latest(MessageKey key) => _database.Read(transaction =>
    {
        using var select = transaction.Command($"""
            SELECT {Columns} FROM release_requests
            WHERE tenant_id = $tenant AND mailbox = $mailbox AND message_id = $message
            ORDER BY seq DESC LIMIT 1;
            """);
        return Single(select.WithKey(key));
    });

    /// <inheritdoc />
    public IReadOnlyList<ReleaseRequest> Open(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _database.Read(transaction =>
        {
            using var select = transaction.Command($"""
                SELECT {Columns} FROM release_requests WHERE state = 'open' ORDER BY seq LIMIT $limit;
                """);
            using var reader = select.With("$limit", limit).ExecuteReader();
            var found = new List<ReleaseRequest>();
            while (reader.Read())
                found.Add(Read(reader));
            return found;
        });
    }

    /// <inheritdoc />
    public bool Decide(string id, ReleaseRequestState outcome, string decidedBy, DateTimeOffset at, string? reason)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(decidedBy);
        ReleaseRequestRows.CheckDecision(outcome);
        return _database.Write(transaction =>
        {
            using var update = transaction.Command("""
                UPDATE release_requests SET state = $state, decided_by = $by, decided_at = $at, decision_reason = $reason
                WHERE id = $id AND state = 'open';
                """);
            return update.With("$id", id).With("$state", ReleaseRequestRows.StateName(outcome)).With("$by", decidedBy)
                .With("$at", UnixMilliseconds.From(at)).With("$reason", reason).ExecuteNonQuery() == 1;
        });
    }

    /// <inheritdoc />
    public int DeleteTenant(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        return _database.Write(transaction =>
        {
            using var delete = transaction.Command("DELETE FROM release_requests WHERE tenant_id = $tenant;");
            return delete.With("$tenant", tenantId).ExecuteNonQuery();
        });
    }

    private static ReleaseRequest? Single(SqliteCommand select)
    {
        using var reader = select.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    private static ReleaseRequest Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        new MessageKey(reader.GetString(1), reader.GetString(2), reader.GetString(3)),
        reader.GetString(4),
        UnixMilliseconds.ToInstant(reader.GetInt64(5)),
        reader.GetStringOrNull(6),
        ReleaseRequestRows.State(reader.GetString(7)),
        reader.GetStringOrNull(8),
        UnixMilliseconds.ToInstant(reader.GetInt64OrNull(9)),
        reader.GetStringOrNull(10));
}
