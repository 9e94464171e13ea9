using M365Scanner.Core.Operations;
using M365Scanner.Storage.Rows;
using Npgsql;

namespace M365Scanner.Storage.Postgres;

/// <summary>The hosted worker's subscriptions, delta links and baseline checkpoints in a <see cref="PostgresDatabase"/>
/// (tables <c>subscriptions</c>, <c>delta_links</c> and <c>baseline_progress</c>).</summary>
public sealed class PostgresWorkerStateStore(PostgresDatabase database) : IWorkerStateStore
{
    private const string Columns = SubscriptionRows.Columns;

    private readonly PostgresDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <summary>Saves a new subscription or replaces the one with the same id (a renewal moves its expiry).</summary>
    public void SaveSubscription(SubscriptionRecord subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        _database.Run(connection =>
        {
            using var upsert = connection.Command($"""
                INSERT INTO subscriptions ({Columns}) VALUES ({SqlDialect.Postgres.Parameters(Columns)})
                ON CONFLICT (subscription_id) DO UPDATE SET
                    {SubscriptionRows.SetFromExcluded};
                """);
            SqlDialect.Postgres.Bind(upsert, Columns, SubscriptionRows.Values(subscription));
            return upsert.ExecuteNonQuery();
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
            using var upsert = connection.Command($"""
                INSERT INTO baseline_progress ({BaselineRows.Columns}) VALUES ({SqlDialect.Postgres.Parameters(BaselineRows.Columns)})
                ON CONFLICT (tenant_id, mailbox, folder) DO UPDATE SET
                    {BaselineRows.SetFromExcluded};
                """);
            SqlDialect.Postgres.Bind(upsert, BaselineRows.Columns, BaselineRows.Values(progress, SqlDialect.Postgres));
            return upsert.ExecuteNonQuery();
        });
    }

    public IReadOnlyList<BaselineProgress> GetBaselineProgress(string tenantId, string mailbox)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(mailbox);
        return _database.Run(connection =>
        {
            using var select = connection.Command($"""
                SELECT {BaselineRows.Columns}
                FROM baseline_progress WHERE tenant_id = @tenant AND mailbox = @mailbox
                ORDER BY folder;
                """);
            return select.With("tenant", tenantId).With("mailbox", mailbox).ReadAll(reader => BaselineRows.Read(reader, SqlDialect.Postgres));
        });
    }

    private List<SubscriptionRecord> ReadSubscriptions(string sql, Action<NpgsqlCommand> bind) => _database.Run(connection =>
    {
        using var select = connection.Command(sql);
        bind(select);
        return select.ReadAll(reader => SubscriptionRows.Read(reader, SqlDialect.Postgres));
    });

    private static void CheckFolder(string tenantId, string mailbox, string folder)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(folder);
    }
}
