using M365Scanner.Core.Operations;
using Npgsql;

namespace M365Scanner.Storage.Postgres;

/// <summary>The hosted worker's subscriptions, delta links and baseline checkpoints in a <see cref="PostgresDatabase"/>
/// (tables <c>subscriptions</c>, <c>delta_links</c> and <c>baseline_progress</c>).</summary>
public sealed class PostgresWorkerStateStore(PostgresDatabase database) : IWorkerStateStore
{
    private const string Columns = "subscription_id, tenant_id, mailbox, resource, client_state, expires_at";

    private readonly PostgresDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <summary>Saves a new subscription or replaces the one with the same id (a renewal moves its expiry).</summary>
    public void SaveSubscription(SubscriptionRecord subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        _database.Run(connection =>
        {
            using var upsert = connection.Command($"""
                INSERT INTO subscriptions ({Columns}) VALUES (@id, @tenant, @mailbox, @resource, @clientState, @expiresAt)
                ON CONFLICT (subscription_id) DO UPDATE SET
                    tenant_id    = excluded.tenant_id,
                    mailbox      = excluded.mailbox,
                    resource     = excluded.resource,
                    client_state = excluded.client_state,
                    expires_at   = excluded.expires_at;
                """);
            return upsert.With("id", subscription.SubscriptionId)
                .With("tenant", subscription.TenantId)
                .With("mailbox", subscription.Mailbox)
                .With("resource", subscription.Resource)
                .With("clientState", subscription.ClientState)
                .With("expiresAt", subscription.ExpiresAt)
                .ExecuteNonQuery();
        });
    }

    public SubscriptionRecord? GetSubscription(string subscriptionId)
    {
        ArgumentNullException.ThrowIfNull(subscriptionId);
        return ReadSubscriptions($"SELECT {Columns} FROM subscriptions WHERE subscription_id = @id;",
            command => command.With("id", subscriptionId)).SingleOrDefault();
    }

    /// <summary>The subscriptions, optionally of one tenant, soonest to expire first (the order a renewal pass
    /// wants), then by id.</summary>
    public IReadOnlyList<SubscriptionRecord> Subscriptions(string? tenantId = null)
    {
        var where = new PostgresFilter("TRUE").Equal("tenant_id", tenantId);
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
        _database.Run(connection =>
        {
            using var delete = connection.Command("DELETE FROM subscriptions WHERE subscription_id = @id;");
            return delete.With("id", subscriptionId).ExecuteNonQuery();
        });
    }

    public string? GetDeltaLink(string tenantId, string mailbox, string folder)
    {
        CheckFolder(tenantId, mailbox, folder);
        return _database.Run(connection =>
        {
            using var select = connection.Command("""
                SELECT delta_link FROM delta_links WHERE tenant_id = @tenant AND mailbox = @mailbox AND folder = @folder;
                """);
            return (string?)select.With("tenant", tenantId).With("mailbox", mailbox).With("folder", folder).ExecuteScalar();
        });
    }

    /// <summary>Saves the folder's delta link, replacing the previous one.</summary>
    public void SaveDeltaLink(string tenantId, string mailbox, string folder, string deltaLink)
    {
        CheckFolder(tenantId, mailbox, folder);
        ArgumentException.ThrowIfNullOrWhiteSpace(deltaLink);
        _database.Run(connection =>
        {
            using var upsert = connection.Command("""
                INSERT INTO delta_links (tenant_id, mailbox, folder, delta_link) VALUES (@tenant, @mailbox, @folder, @link)
                ON CONFLICT (tenant_id, mailbox, folder) DO UPDATE SET delta_link = excluded.delta_link;
                """);
            return upsert.With("tenant", tenantId).With("mailbox", mailbox).With("folder", folder).With("link", deltaLink)
                .ExecuteNonQuery();
        });
    }

    /// <summary>Deletes the tenant's subscriptions, delta links and checkpoints in one transaction: a tenant is
    /// never left half offboarded.</summary>
    public void DeleteTenant(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        _database.Write(connection =>
        {
            // One round trip: the three deletes as one batch inside the transaction.
            using var batch = new NpgsqlBatch(connection);
            foreach (var table in (string[])["subscriptions", "delta_links", "baseline_progress"])
            {
                var delete = new NpgsqlBatchCommand($"DELETE FROM {table} WHERE tenant_id = @tenant;");
                delete.Parameters.AddWithValue("tenant", tenantId);
                batch.BatchCommands.Add(delete);
            }
            return batch.ExecuteNonQuery();
        });
    }

    /// <summary>Saves a folder's baseline checkpoint, replacing the previous one.</summary>
    public void SaveBaselineProgress(BaselineProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        CheckFolder(progress.TenantId, progress.Mailbox, progress.Folder);
        _database.Run(connection =>
        {
            using var upsert = connection.Command("""
                INSERT INTO baseline_progress
                    (tenant_id, mailbox, folder, since, until, boundary, ids_at_boundary, learned, pages, completed, updated_at)
                VALUES (@tenant, @mailbox, @folder, @since, @until, @boundary, @ids, @learned, @pages, @completed, @updatedAt)
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
            return upsert.With("tenant", progress.TenantId).With("mailbox", progress.Mailbox).With("folder", progress.Folder)
                .With("since", progress.Since)
                .With("until", progress.Until)
                .With("boundary", progress.Boundary)
                .With("ids", progress.IdsAtBoundary.ToArray())
                .With("learned", progress.Learned)
                .With("pages", progress.Pages)
                .With("completed", progress.Completed)
                .With("updatedAt", progress.UpdatedAt)
                .ExecuteNonQuery();
        });
    }

    public IReadOnlyList<BaselineProgress> GetBaselineProgress(string tenantId, string mailbox)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(mailbox);
        return _database.Run(connection =>
        {
            using var select = connection.Command("""
                SELECT folder, since, until, boundary, ids_at_boundary, learned, pages, completed, updated_at
                FROM baseline_progress WHERE tenant_id = @tenant AND mailbox = @mailbox
                ORDER BY folder;
                """);
            return select.With("tenant", tenantId).With("mailbox", mailbox).ReadAll(reader =>
                new BaselineProgress(tenantId, mailbox, reader.GetString(0), reader.GetInstant(1), reader.GetInstant(2),
                    reader.GetInstantOrNull(3), reader.GetFieldValue<string[]>(4), reader.GetInt64(5), reader.GetInt64(6),
                    reader.GetBoolean(7), reader.GetInstant(8)));
        });
    }

    private List<SubscriptionRecord> ReadSubscriptions(string sql, Action<NpgsqlCommand> bind) => _database.Run(connection =>
    {
        using var select = connection.Command(sql);
        bind(select);
        return select.ReadAll(reader => new SubscriptionRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2),
            reader.GetString(3), reader.GetString(4), reader.GetInstant(5)));
    });

    private static void CheckFolder(string tenantId, string mailbox, string folder)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(folder);
    }
}
