using M365Scanner.Core.Operations;
using M365Scanner.Storage.Rows;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Sqlite;

/// <summary>The hosted worker's subscriptions, delta links and baseline checkpoints in a <see cref="SqliteDatabase"/>
/// (tables <c>subscriptions</c>, <c>delta_links</c> and <c>baseline_progress</c>).</summary>
public sealed class SqliteWorkerStateStore(SqliteDatabase database) : IWorkerStateStore
{
    private const string Columns = SubscriptionRows.Columns;

    private readonly SqliteDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <summary>Saves a new subscription or replaces the one with the same id (a renewal moves its expiry).</summary>
    public void SaveSubscription(SubscriptionRecord subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        _database.Write(transaction =>
        {
            using var upsert = transaction.Command($"""
                INSERT INTO subscriptions ({Columns}) VALUES ({SqlDialect.Sqlite.Parameters(Columns)})
                ON CONFLICT (subscription_id) DO UPDATE SET
                    {SubscriptionRows.SetFromExcluded};
                """);
            SqlDialect.Sqlite.Bind(upsert, Columns, SubscriptionRows.Values(subscription));
            upsert.ExecuteNonQuery();
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
            using var upsert = transaction.Command($"""
                INSERT INTO baseline_progress ({BaselineRows.Columns}) VALUES ({SqlDialect.Sqlite.Parameters(BaselineRows.Columns)})
                ON CONFLICT (tenant_id, mailbox, folder) DO UPDATE SET
                    {BaselineRows.SetFromExcluded};
                """);
            SqlDialect.Sqlite.Bind(upsert, BaselineRows.Columns, BaselineRows.Values(progress, SqlDialect.Sqlite));
            upsert.ExecuteNonQuery();
        });
    }

    public IReadOnlyList<BaselineProgress> GetBaselineProgress(string tenantId, string mailbox)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(mailbox);
        return _database.Read(transaction =>
        {
            using var select = transaction.Command($"""
                SELECT {BaselineRows.Columns}
                FROM baseline_progress WHERE tenant_id = $tenant AND mailbox = $mailbox
                ORDER BY folder;
                """);
            using var reader = select.With("$tenant", tenantId).With("$mailbox", mailbox).ExecuteReader();
            var found = new List<BaselineProgress>();
            while (reader.Read())
                found.Add(BaselineRows.Read(reader, SqlDialect.Sqlite));
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
            found.Add(SubscriptionRows.Read(reader, SqlDialect.Sqlite));
        return found;
    });

    private static void CheckFolder(string tenantId, string mailbox, string folder)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(folder);
    }
}
