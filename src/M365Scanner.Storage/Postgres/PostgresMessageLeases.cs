using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.Postgres;

/// <summary>Message leases in a <see cref="PostgresDatabase"/> (table <c>message_leases</c>, one row per message
/// leased at the moment).</summary>
/// <remarks>A take is one statement, so it is atomic across every host sharing the database: the insert, or on
/// conflict an update that applies only when the row is the holder's own or its lease has expired (checked on the
/// row's latest version under its lock); a row comes back only when the lease is the caller's. Hosts compare expiry
/// times written by each other's clocks: keep them in sync (NTP), as the lease lifetime is a minute.</remarks>
public sealed class PostgresMessageLeases(PostgresDatabase database) : IMessageLeases
{
    private readonly PostgresDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <inheritdoc />
    public bool TryAcquire(MessageKey key, string holder, DateTimeOffset now, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(holder);
        return _database.Run(connection =>
        {
            using var take = connection.Command("""
                INSERT INTO message_leases (tenant_id, mailbox, message_id, holder, expires_at)
                VALUES (@tenant, @mailbox, @message, @holder, @until)
                ON CONFLICT (tenant_id, mailbox, message_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
                WHERE message_leases.holder = excluded.holder OR message_leases.expires_at < @now
                RETURNING 1;
                """);
            return take.WithKey(key).With("holder", holder).With("until", until).With("now", now).ExecuteScalar() is not null;
        });
    }

    /// <inheritdoc />
    public void Release(MessageKey key, string holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        _database.Run(connection =>
        {
            using var delete = connection.Command("""
                DELETE FROM message_leases
                WHERE tenant_id = @tenant AND mailbox = @mailbox AND message_id = @message AND holder = @holder;
                """);
            return delete.WithKey(key).With("holder", holder).ExecuteNonQuery();
        });
    }
}
