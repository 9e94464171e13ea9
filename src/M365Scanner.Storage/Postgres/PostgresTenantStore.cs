using M365Scanner.Core.Operations;
using Npgsql;

namespace M365Scanner.Storage.Postgres;

/// <summary>Onboarded tenants, their mailboxes and pending consents in a <see cref="PostgresDatabase"/> (tables
/// <c>tenants</c>, <c>tenant_mailboxes</c>, <c>pending_consents</c>).</summary>
/// <remarks>Tenant ids compare without regard to case, as in the SQLite store: rows are keyed by the lower-cased id
/// and keep the id as first saved.</remarks>
public sealed class PostgresTenantStore(PostgresDatabase database) : ITenantStore
{
    private const string Columns = "tenant_id, state, consented_at, granted_roles, problem";

    private readonly PostgresDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    public void Save(TenantRecord tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant.TenantId);
        _database.Run(connection =>
        {
            using var upsert = connection.Command($"""
                INSERT INTO tenants (tenant_key, {Columns}) VALUES (@key, @tenant, @state, @consentedAt, @roles, @problem)
                ON CONFLICT (tenant_key) DO UPDATE SET
                    state         = excluded.state,
                    consented_at  = excluded.consented_at,
                    granted_roles = excluded.granted_roles,
                    problem       = excluded.problem;
                """);
            return upsert.With("key", KeyOf(tenant.TenantId))
                .With("tenant", tenant.TenantId)
                .With("state", tenant.State)
                .With("consentedAt", tenant.ConsentedAt)
                .With("roles", string.Join(' ', tenant.GrantedRoles))
                .With("problem", tenant.Problem)
                .ExecuteNonQuery();
        });
    }

    public TenantRecord? Get(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        return Read($"SELECT {Columns} FROM tenants WHERE tenant_key = @key;", tenantId).SingleOrDefault();
    }

    public IReadOnlyList<TenantRecord> All() => Read($"SELECT {Columns} FROM tenants ORDER BY tenant_key;", null);

    /// <remarks>The delete and the inserts are one transaction: a reader sees the old list or the new one.</remarks>
    public void SetMailboxes(string tenantId, IEnumerable<string> mailboxes)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(mailboxes);
        var distinct = mailboxes.Select(m => m.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();
        _database.Write(connection =>
        {
            using var batch = new NpgsqlBatch(connection);
            var delete = new NpgsqlBatchCommand("DELETE FROM tenant_mailboxes WHERE tenant_key = @key;");
            delete.Parameters.AddWithValue("key", KeyOf(tenantId));
            var insert = new NpgsqlBatchCommand("INSERT INTO tenant_mailboxes (tenant_key, mailbox) SELECT @key, unnest(@mailboxes);");
            insert.Parameters.AddWithValue("key", KeyOf(tenantId));
            insert.Parameters.AddWithValue("mailboxes", distinct);
            batch.BatchCommands.Add(delete);
            batch.BatchCommands.Add(insert);
            return batch.ExecuteNonQuery();
        });
    }

    public IReadOnlyList<string> Mailboxes(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        return _database.Run(connection =>
        {
            using var select = connection.Command("SELECT mailbox FROM tenant_mailboxes WHERE tenant_key = @key ORDER BY mailbox;");
            return select.With("key", KeyOf(tenantId)).ReadAll(reader => reader.GetString(0));
        });
    }

    /// <remarks>The purge and the insert are one transaction.</remarks>
    public void AddPendingConsent(PendingConsent consent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(consent);
        _database.Write(connection =>
        {
            using var batch = new NpgsqlBatch(connection);
            var purge = new NpgsqlBatchCommand("DELETE FROM pending_consents WHERE expires_at < @now;");
            purge.Parameters.AddWithValue("now", PostgresCommands.Milliseconds(now));
            var insert = new NpgsqlBatchCommand("""
                INSERT INTO pending_consents (state_hash, browser_hash, expires_at) VALUES (@state, @browser, @expiresAt)
                ON CONFLICT (state_hash) DO UPDATE SET browser_hash = excluded.browser_hash, expires_at = excluded.expires_at;
                """);
            insert.Parameters.AddWithValue("state", consent.StateHash);
            insert.Parameters.AddWithValue("browser", consent.BrowserHash);
            insert.Parameters.AddWithValue("expiresAt", PostgresCommands.Milliseconds(consent.ExpiresAt));
            batch.BatchCommands.Add(purge);
            batch.BatchCommands.Add(insert);
            return batch.ExecuteNonQuery();
        });
    }

    /// <remarks>One DELETE ... RETURNING: of two hosts taking the same state at once, one gets the row.</remarks>
    public PendingConsent? TakePendingConsent(string stateHash)
    {
        ArgumentNullException.ThrowIfNull(stateHash);
        return _database.Run(connection =>
        {
            using var delete = connection.Command("""
                DELETE FROM pending_consents WHERE state_hash = @state RETURNING state_hash, browser_hash, expires_at;
                """);
            return delete.With("state", stateHash)
                .ReadAll(reader => new PendingConsent(reader.GetString(0), reader.GetString(1), reader.GetInstant(2)))
                .SingleOrDefault();
        });
    }

    /// <summary>The key a tenant id is stored and found under.</summary>
    private static string KeyOf(string tenantId) => tenantId.ToLowerInvariant();

    private List<TenantRecord> Read(string sql, string? tenantId) => _database.Run(connection =>
    {
        using var select = connection.Command(sql);
        if (tenantId is not null)
            select.With("key", KeyOf(tenantId));
        return select.ReadAll(reader => new TenantRecord(reader.GetString(0), reader.GetString(1), reader.GetInstantOrNull(2),
            reader.GetString(3).Split(' ', StringSplitOptions.RemoveEmptyEntries), reader.GetStringOrNull(4)));
    });
}
