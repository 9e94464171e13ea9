using M365Scanner.Core.Operations;
using M365Scanner.Storage.Rows;
using Npgsql;

namespace M365Scanner.Storage.Postgres;

/// <summary>Onboarded tenants and their mailboxes in a <see cref="PostgresDatabase"/> (tables
/// <c>tenants</c>, <c>tenant_mailboxes</c>; the table <c>pending_consents</c> of
/// migration 5 is no longer used: consent states are signed, not stored).</summary>
/// <remarks>Tenant ids compare without regard to case, as in the SQLite store: rows are keyed by the lower-cased id
/// and keep the id as first saved.</remarks>
public sealed class PostgresTenantStore(PostgresDatabase database) : ITenantStore
{
    private const string Columns = TenantRows.Columns;

    private readonly PostgresDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    public void Save(TenantRecord tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant.TenantId);
        _database.Run(connection =>
        {
            using var upsert = connection.Command($"""
                INSERT INTO tenants (tenant_key, {Columns}) VALUES (@key, {SqlDialect.Postgres.Parameters(Columns)})
                ON CONFLICT (tenant_key) DO UPDATE SET
                    {TenantRows.SetFromExcluded};
                """);
            SqlDialect.Postgres.Bind(upsert, Columns, TenantRows.Values(tenant));
            return upsert.With("key", KeyOf(tenant.TenantId)).ExecuteNonQuery();
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

    /// <summary>The key a tenant id is stored and found under.</summary>
    private static string KeyOf(string tenantId) => tenantId.ToLowerInvariant();

    private List<TenantRecord> Read(string sql, string? tenantId) => _database.Run(connection =>
    {
        using var select = connection.Command(sql);
        if (tenantId is not null)
            select.With("key", KeyOf(tenantId));
        return select.ReadAll(reader => TenantRows.Read(reader, SqlDialect.Postgres));
    });
}
