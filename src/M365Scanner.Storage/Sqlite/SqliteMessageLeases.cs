using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.Sqlite;

/// <summary>Message leases in a <see cref="SqliteDatabase"/> (table <c>message_leases</c>, one row per message
/// leased at the moment).</summary>
/// <remarks>A take is one upsert whose update applies only when the row is the holder's own or its lease has expired:
/// the unique key and the single writer make it atomic across threads and processes sharing the file.</remarks>
public sealed class SqliteMessageLeases(SqliteDatabase database) : IMessageLeases
{
    private readonly SqliteDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <inheritdoc />
    public bool TryAcquire(MessageKey key, string holder, DateTimeOffset now, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(holder);
        return _database.Write(transaction =>
        {
            using var take = transaction.Command("""
                INSERT INTO message_leases (tenant_id, mailbox, message_id, holder, expires_at)
                VALUES ($tenant, $mailbox, $message, $holder, $until)
                ON CONFLICT (tenant_id, mailbox, message_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
                WHERE message_leases.holder = excluded.holder OR message_leases.expires_at < $now;
                """);
            return take.WithKey(key).With("$holder", holder).With("$until", UnixMilliseconds.From(until))
                .With("$now", UnixMilliseconds.From(now)).ExecuteNonQuery() == 1;
        });
    }

    /// <inheritdoc />
    public void Release(MessageKey key, string holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        _database.Write(transaction =>
        {
            using var delete = transaction.Command("""
                DELETE FROM message_leases
                WHERE tenant_id = $tenant AND mailbox = $mailbox AND message_id = $message AND holder = $holder;
                """);
            return delete.WithKey(key).With("$holder", holder).ExecuteNonQuery();
        });
    }
}
