using M365Scanner.Core.Operations;
using M365Scanner.Storage.Rows;
using Npgsql;

namespace M365Scanner.Storage.Postgres;

/// <summary>The alert outbox in a <see cref="PostgresDatabase"/> (table <c>alert_outbox</c>), shared by every host. A
/// unique index on (webhook, message) makes <see cref="Enqueue"/> one insert that does nothing the second time; a claim
/// is one update of rows picked <c>FOR UPDATE SKIP LOCKED</c>, so two hosts claiming at once take different alerts.</summary>
public sealed class PostgresAlertOutbox(PostgresDatabase database) : IAlertOutbox
{
    private const string Columns = AlertRows.Columns;

    private readonly PostgresDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <inheritdoc />
    public bool Enqueue(OutboundAlert alert)
    {
        AlertRows.CheckEnqueued(alert);
        return _database.Write(connection =>
        {
            using var insert = connection.Command("""
                INSERT INTO alert_outbox (id, webhook, tenant_id, mailbox, message_id, payload, created_at, state, attempts, next_attempt_at)
                VALUES (@id, @webhook, @tenant, @mailbox, @message, @payload, @at, 'pending', 0, @next)
                ON CONFLICT DO NOTHING;
                """);
            return insert.WithKey(alert.Key).With("id", alert.Id).With("webhook", alert.Webhook).With("payload", alert.Payload)
                .With("at", alert.CreatedAt).With("next", alert.NextAttemptAt).ExecuteNonQuery() == 1;
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<OutboundAlert> Claim(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int limit)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _database.Write(connection =>
        {
            using var claim = connection.Command($"""
                UPDATE alert_outbox SET lease_owner = @owner, lease_until = @until
                WHERE seq IN (
                    SELECT seq FROM alert_outbox
                    WHERE state = 'pending' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
                    ORDER BY next_attempt_at, seq LIMIT @limit
                    FOR UPDATE SKIP LOCKED)
                RETURNING {Columns};
                """);
            return claim.With("owner", owner).With("until", leaseUntil).With("now", now).With("limit", limit)
                .ReadAll(Read).OrderBy(a => a.NextAttemptAt).ToList();
        });
    }

    /// <inheritdoc />
    public bool Record(string id, string owner, AlertAttemptOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(outcome);
        return _database.Write(connection =>
        {
            using var update = connection.Command("""
                UPDATE alert_outbox SET state = @state, attempts = @attempts,
                    next_attempt_at = COALESCE(@next::timestamptz, next_attempt_at), last_error = COALESCE(@error::text, last_error),
                    completed_at = @completed::timestamptz, lease_owner = NULL, lease_until = NULL
                WHERE id = @id AND state = 'pending' AND lease_owner = @owner;
                """);
            return update.With("id", id).With("owner", owner).With("state", AlertRows.StateName(outcome.State))
                .With("attempts", outcome.Attempts).With("next", outcome.NextAttemptAt).With("error", outcome.Error)
                .With("completed", outcome.State == AlertState.Pending ? null : outcome.At)
                .ExecuteNonQuery() == 1;
        });
    }

    /// <inheritdoc />
    public OutboundAlert? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _database.Run(connection =>
        {
            using var select = connection.Command($"SELECT {Columns} FROM alert_outbox WHERE id = @id;");
            return select.With("id", id).ReadAll(Read).SingleOrDefault();
        });
    }

    /// <inheritdoc />
    public IReadOnlyList<OutboundAlert> Query(AlertState? state, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return _database.Run(connection =>
        {
            using var select = connection.Command($"""
                SELECT {Columns} FROM alert_outbox WHERE @state::text IS NULL OR state = @state::text ORDER BY seq DESC LIMIT @limit;
                """);
            return select.With("state", state is { } s ? AlertRows.StateName(s) : null).With("limit", limit).ReadAll(Read);
        });
    }

    /// <inheritdoc />
    public int DeleteTenant(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        return _database.Run(connection =>
        {
            using var delete = connection.Command("DELETE FROM alert_outbox WHERE tenant_id = @tenant;");
            return delete.With("tenant", tenantId).ExecuteNonQuery();
        });
    }

    private static OutboundAlert Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        new MessageKey(reader.GetString(2), reader.GetString(3), reader.GetString(4)),
        reader.GetString(5),
        reader.GetInstant(6),
        AlertRows.State(reader.GetString(7)),
        reader.GetInt32(8),
        reader.GetInstant(9),
        reader.GetStringOrNull(10),
        reader.GetInstantOrNull(11));
}
