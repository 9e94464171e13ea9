using M365Scanner.Core.Operations;
using M365Scanner.Storage.Rows;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Sqlite;

/// <summary>The alert outbox in a <see cref="SqliteDatabase"/> (table <c>alert_outbox</c>). A unique index on (webhook,
/// message) makes <see cref="Enqueue"/> one insert that does nothing the second time; a claim is one update of the
/// due rows under SQLite's single writer.</summary>
public sealed class SqliteAlertOutbox(SqliteDatabase database) : IAlertOutbox
{
    private const string Columns = AlertRows.Columns;

    private readonly SqliteDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <inheritdoc />
    public bool Enqueue(OutboundAlert alert)
    {
        AlertRows.CheckEnqueued(alert);
        return _database.Write(transaction =>
        {
            using var insert = transaction.Command("""
                INSERT INTO alert_outbox (id, webhook, tenant_id, mailbox, message_id, payload, created_at, state, attempts, next_attempt_at)
                VALUES ($id, $webhook, $tenant, $mailbox, $message, $payload, $at, 'pending', 0, $next)
                ON CONFLICT DO NOTHING;
                """);
            return insert.WithKey(alert.Key).With("$id", alert.Id).With("$webhook", alert.Webhook).With("$payload", alert.Payload)
                .With("$at", UnixMilliseconds.From(alert.CreatedAt)).With("$next", UnixMilliseconds.From(alert.NextAttemptAt))
                .ExecuteNonQuery() == 1;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<OutboundAlert> Claim(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int limit)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _database.Write(transaction =>
        {
            using var claim = transaction.Command($"""
                UPDATE alert_outbox SET lease_owner = $owner, lease_until = $until
                WHERE seq IN (
                    SELECT seq FROM alert_outbox
                    WHERE state = 'pending' AND next_attempt_at <= $now AND (lease_until IS NULL OR lease_until <= $now)
                    ORDER BY next_attempt_at, seq LIMIT $limit)
                RETURNING {Columns};
                """);
            return ReadAll(claim.With("$owner", owner).With("$until", UnixMilliseconds.From(leaseUntil)).With("$now", UnixMilliseconds.From(now))
                .With("$limit", limit)).OrderBy(a => a.NextAttemptAt).ToList();
        });
    }

    /// <inheritdoc />
    public bool Record(string id, string owner, AlertAttemptOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(outcome);
        return _database.Write(transaction =>
        {
            using var update = transaction.Command("""
                UPDATE alert_outbox SET state = $state, attempts = $attempts, next_attempt_at = COALESCE($next, next_attempt_at),
                    last_error = COALESCE($error, last_error), completed_at = $completed, lease_owner = NULL, lease_until = NULL
                WHERE id = $id AND state = 'pending' AND lease_owner = $owner;
                """);
            return update.With("$id", id).With("$owner", owner).With("$state", AlertRows.StateName(outcome.State))
                .With("$attempts", outcome.Attempts).With("$next", outcome.NextAttemptAt is { } next ? UnixMilliseconds.From(next) : null)
                .With("$error", outcome.Error)
                .With("$completed", outcome.State == AlertState.Pending ? null : UnixMilliseconds.From(outcome.At))
                .ExecuteNonQuery() == 1;
        });
    }

    /// <inheritdoc />
    public OutboundAlert? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _database.Read(transaction =>
        {
            using var select = transaction.Command($"SELECT {Columns} FROM alert_outbox WHERE id = $id;");
            return ReadAll(select.With("$id", id)).SingleOrDefault();
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<OutboundAlert> Query(AlertState? state, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _database.Read(transaction =>
        {
            using var select = transaction.Command($"""
                SELECT {Columns} FROM alert_outbox WHERE $state IS NULL OR state = $state ORDER BY seq DESC LIMIT $limit;
                """);
            return ReadAll(select.With("$state", state is { } s ? AlertRows.StateName(s) : null).With("$limit", limit));
        });
    }

    /// <inheritdoc />
    public int DeleteTenant(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        return _database.Write(transaction =>
        {
            using var delete = transaction.Command("DELETE FROM alert_outbox WHERE tenant_id = $tenant;");
            return delete.With("$tenant", tenantId).ExecuteNonQuery();
        });
    }

    private static List<OutboundAlert> ReadAll(SqliteCommand select)
    {
        using var reader = select.ExecuteReader();
        var found = new List<OutboundAlert>();
        while (reader.Read())
            found.Add(Read(reader));
        return found;
    }

    private static OutboundAlert Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        new MessageKey(reader.GetString(2), reader.GetString(3), reader.GetString(4)),
        reader.GetString(5),
        UnixMilliseconds.ToInstant(reader.GetInt64(6)),
        AlertRows.State(reader.GetString(7)),
        reader.GetInt32(8),
        UnixMilliseconds.ToInstant(reader.GetInt64(9)),
        reader.GetStringOrNull(10),
        UnixMilliseconds.ToInstant(reader.GetInt64OrNull(11)));
}
