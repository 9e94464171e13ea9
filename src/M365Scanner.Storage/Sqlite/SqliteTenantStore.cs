using M365Scanner.Core.Operations;
using M365Scanner.Storage.Rows;

namespace M365Scanner.Storage.Sqlite;

/// <summary>Onboarded tenants and their mailboxes in a <see cref="SqliteDatabase"/> (tables
/// <c>tenants</c>, <c>tenant_mailboxes</c>; the table <c>pending_consents</c> of
/// migration 5 is no longer used: consent states are signed, not stored).</summary>
public sealed class SqliteTenantStore(SqliteDatabase database) : ITenantStore
{
    private const string Columns = TenantRows.Columns;

    private readonly SqliteDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    public void Save(TenantRecord tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant.TenantId);
        _database.Write(transaction =>
        {
            using var upsert = transaction.Command($"""
                INSERT INTO tenants ({Columns}) VALUES ({SqlDialect.Sqlite.Parameters(Columns)})
                ON CONFLICT (tenant_id) DO UPDATE SET
                    {TenantRows.SetFromExcluded};
                """);
            SqlDialect.Sqlite.Bind(upsert, Columns, TenantRows.Values(tenant));
            upsert.ExecuteNonQuery();
        });
    }

    public TenantRecord? Get(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        return Read($"SELECT {Columns} FROM tenants WHERE tenant_id = $tenant;", tenantId).SingleOrDefault();
    }

    public IReadOnlyList<TenantRecord> All() => Read($"SELECT {Columns} FROM tenants ORDER BY tenant_id;", null);

    public void SetMailboxes(string tenantId, IEnumerable<string> mailboxes)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(mailboxes);
        var distinct = mailboxes.Select(m => m.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        _database.Write(transaction =>
        {
            using (var delete = transaction.Command("DELETE FROM tenant_mailboxes WHERE tenant_id = $tenant;"))
                delete.With("$tenant", tenantId).ExecuteNonQuery();
            using var insert = transaction.Command("INSERT INTO tenant_mailboxes (tenant_id, mailbox) VALUES ($tenant, $mailbox);");
            var tenant = insert.Parameters.AddWithValue("$tenant", tenantId);
            var mailbox = insert.Parameters.AddWithValue("$mailbox", "");
            foreach (var address in distinct)
            {
                mailbox.Value = address;
                insert.ExecuteNonQuery();
            }
        });
    }

    public IReadOnlyList<string> Mailboxes(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        return _database.Read(transaction =>
        {
            using var select = transaction.Command("SELECT mailbox FROM tenant_mailboxes WHERE tenant_id = $tenant ORDER BY mailbox;");
            using var reader = select.With("$tenant", tenantId).ExecuteReader();
            var found = new List<string>();
            while (reader.Read())
                found.Add(reader.GetString(0));
            return found;
        });
    }

    private List<TenantRecord> Read(string sql, string? tenantId) => _database.Read(transaction =>
    {
        using var select = transaction.Command(sql);
        if (tenantId is not null)
            select.With("$tenant", tenantId);
        using var reader = select.ExecuteReader();
        var found = new List<TenantRecord>();
        while (reader.Read())
            found.Add(TenantRows.Read(reader, SqlDialect.Sqlite));
        return found;
    });
}
