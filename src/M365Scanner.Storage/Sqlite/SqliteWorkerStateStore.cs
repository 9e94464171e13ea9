using M365Scanner.Core.Operations;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Sqlite;

/// <summary>The hosted worker's subscriptions, delta links and baseline checkpoints in a <see cref="SqliteDatabase"/>
/// (tables <c>subscriptions</c>, <c>delta_links</c> and <c>baseline_progress</c>).</summary>
public sealed class SqliteWorkerStateStore(SqliteDatabase database) : IWorkerStateStore
{
    private const string Columns = "subscription_id, tenant_id, mailbox, resource, client_state, expires_at";

    private readonly SqliteDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <summary>Saves a new subscription or replaces the one with the same id (a renewal moves its expiry).</summary>
    public void SaveSubscription(SubscriptionRecord subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        _database.Write(transaction =>
        {
            using var upsert = transaction.Command($"""
                INSERT INTO subscriptions ({Columns}) VALUES ($id, $tenant, $mailbox, $resource, $clientState, $expiresAt)
                ON CONFLICT (subscription_id) DO UPDATE SET
                    tenant_id    = excluded.tenant_id,
                    mailbox      = excluded.mailbox,
                    resource     = excluded.resource,
                    client_state = excluded.client_state,
                    expires_at   = excluded.expires_at;
                """);
            upsert.With("$id", subscription.SubscriptionId)
                .With("$tenant", subscription.TenantId)
                .With("$mailbox", subscription.Mailbox)
                .With("$resource", subscription.Resource)
                .With("$clientState", subscription.ClientState)
                .With("$expiresAt", UnixMilliseconds.From(subscription.ExpiresAt))
                .ExecuteNonQuery();
        });
    }

    public SubscriptionRecord? GetSubscription(string subscriptionId)
    {
        ArgumentNullException.ThrowIfNull(subscriptionId);
        return ReadSubscriptions($"SELECT {Columns} FROM subscriptions WHERE subscription_id = $id;",
            command => command.With("$id", subscriptionId)).SingleOrDefault();
    }

    /// <summary>The subscriptions, optionally of one tenant, soonest to expire first (the order a renewal pass
    /// wants), then by id.</summary>
    public IReadOnlyList<SubscriptionRecord> Subscriptions(string? tenantId = null)
    {
        var where = new SqlFilter("1").Equal("tenant_id", tenantId);
        return ReadSubscriptions($"""
            SELECT {Columns} FROM subscriptions
            WHERE {where}
            ORDER BY expires_at, subscription_id;
            """, command => where.Bind(command));
    }

    /// <summary>Deletes the subscription; nothing happens when it is not stored (Graph may report a removal
    /// twice).</summary>
    public void DeleteSubscription(string subscriptionId)
    {
        ArgumentNullException.ThrowIfNull(subscriptionId);
        _database.Write(transaction =>
        {
            using var delete = transaction.Command("DELETE FROM subscriptions WHERE subscription_id = $id;");
            delete.With("$id", subscriptionId).ExecuteNonQuery();
        });
    }

    public string? GetDeltaLink(string tenantId, string mailbox, string folder)
    {
        CheckFolder(tenantId, mailbox, folder);
        return _database.Read(transaction =>
        {
            using var select = transaction.Command("""
                SELECT delta_link FROM delta_links WHERE tenant_id = $tenant AND mailbox = $mailbox AND folder = $folder;
                """);
            return (string?)select.With("$tenant", tenantId).With("$mailbox", mailbox).With("$folder", folder).ExecuteScalar();
        });
    }

    /// <summary>Saves the folder's delta link, replacing the previous one.</summary>
    public void SaveDeltaLink(string tenantId, string mailbox, string folder, string deltaLink)
    {
        CheckFolder(tenantId, mailbox, folder);
        ArgumentException.ThrowIfNullOrWhiteSpace(deltaLink);
        _database.Write(transaction =>
        {
            using var upsert = transaction.Command("""
                INSERT INTO delta_links (tenant_id, mailbox, folder, delta_link) VALUES ($tenant, $mailbox, $folder, $link)
                ON CONFLICT (tenant_id, mailbox, folder) DO UPDATE SET delta_link = excluded.delta_link;
                """);
            upsert.With("$tenant", tenantId).With("$mailbox", mailbox).With("$folder", folder).With("$link", deltaLink)
                .ExecuteNonQuery();
        });
    }

    public void DeleteTenant(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        _database.Write(transaction =>
        {
            foreach (var table in (string[])["subscriptions", "delta_links", "baseline_progress"])
            {
                using var delete = transaction.Command($"DELETE FROM {table} WHERE tenant_id = $tenant;");
                delete.With("$tenant", tenantId).ExecuteNonQuery();
            }
        });
    }

    /// <summary>Saves a folder's baseline checkpoint, replacing the previous one.</summary>
    public void SaveBaselineProgress(BaselineProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        CheckFolder(progress.TenantId, progress.Mailbox, progress.Folder);
        _database.Write(transaction =>
        {
            using var upsert = transaction.Command("""
                INSERT INTO baseline_progress
                    (tenant_id, mailbox, folder, since, until, boundary, ids_at_boundary, learned, pages, completed, updated_at)
                VALUES ($tenant, $mailbox, $folder, $since, $until, $boundary, $ids, $learned, $pages, $completed, $updatedAt)
                ON CONFLICT (tenant_id, mailbox, folder) DO UPDATE SET
                    since           = excluded.since,
                    until           = excluded.until,
                    boundary        = excluded.boundary,
                    ids_at_boundary = excluded.ids_at_boundary,
                    learned         = excluded.learned,
                    pages           = excluded.pages,
                    completed       = excluded.completed,
                    updated_at      = excluded.updated_at;
                """);
            upsert.With("$tenant", progress.TenantId).With("$mailbox", progress.Mailbox).With("$folder", progress.Folder)
                .With("$since", UnixMilliseconds.From(progress.Since))
                .With("$until", UnixMilliseconds.From(progress.Until))
                .With("$boundary", progress.Boundary is { } b ? UnixMilliseconds.From(b) : null)
                .With("$ids", string.Join('\n', progress.IdsAtBoundary))
                .With("$learned", progress.Learned)
                .With("$pages", progress.Pages)
                .With("$completed", progress.Completed ? 1 : 0)
                .With("$updatedAt", UnixMilliseconds.From(progress.UpdatedAt))
                .ExecuteNonQuery();
        });
    }

    public IReadOnlyList<BaselineProgress> GetBaselineProgress(string tenantId, string mailbox)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(mailbox);
        return _database.Read(transaction =>
        {
            using var select = transaction.Command("""
                SELECT folder, since, until, boundary, ids_at_boundary, learned, pages, completed, updated_at
                FROM baseline_progress WHERE tenant_id = $tenant AND mailbox = $mailbox
                ORDER BY folder;
                """);
            using var reader = select.With("$tenant", tenantId).With("$mailbox", mailbox).ExecuteReader();
            var found = new List<BaselineProgress>();
            while (reader.Read())
            {
                var ids = reader.GetString(4);
                found.Add(new BaselineProgress(tenantId, mailbox, reader.GetString(0),
                    UnixMilliseconds.ToInstant(reader.GetInt64(1)), UnixMilliseconds.ToInstant(reader.GetInt64(2)),
                    reader.IsDBNull(3) ? null : UnixMilliseconds.ToInstant(reader.GetInt64(3)),
                    ids.Length == 0 ? [] : ids.Split('\n'),
                    reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7) != 0,
                    UnixMilliseconds.ToInstant(reader.GetInt64(8))));
            }
            return found;
        });
    }

    private List<SubscriptionRecord> ReadSubscriptions(string sql, Action<SqliteCommand> bind) => _database.Read(transaction =>
    {
        using var select = transaction.Command(sql);
        bind(select);
        using var reader = select.ExecuteReader();
        var found = new List<SubscriptionRecord>();
        while (reader.Read())
            found.Add(new SubscriptionRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), UnixMilliseconds.ToInstant(reader.GetInt64(5))));
        return found;
    });

    private static void CheckFolder(string tenantId, string mailbox, string folder)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(folder);
    }
}
