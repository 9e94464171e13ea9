using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.Sqlite;

/// <summary>Onboarded tenants and their mailboxes in a <see cref="SqliteDatabase"/> (tables
/// <c>tenants</c>, <c>tenant_mailboxes</c>; the table <c>pending_consents</c> of
/// migration 5 is no longer used: consent states are signed, not stored).</summary>
public sealed class SqliteTenantStore(SqliteDatabase database) : ITenantStore
{
    private const string Columns = "tenant_id, state, consented_at, granted_roles, problem";

    private readonly SqliteDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    public void Save(TenantRecord tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant.TenantId);
        _database.Write(transaction =>
        {
            using var upsert = transaction.Command($"""
                INSERT INTO tenants ({Columns}) VALUES ($tenant, $state, $consentedAt, $roles, $problem)
                ON CONFLICT (tenant_id) DO UPDATE SET
                    state         = excluded.state,
                    consented_at  = excluded.consented_at,
                    granted_roles = excluded.granted_roles,
                    problem       = excluded.problem;
                """);
            upsert.With("$tenant", tenant.TenantId)
                .With("$state", tenant.State)
                .With("$consentedAt", tenant.ConsentedAt is { } at ? UnixMilliseconds.From(at) : null)
                .With("$roles", string.Join(' ', tenant.GrantedRoles))
                .With("$problem", tenant.Problem)
                .ExecuteNonQuery();
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
        {
            var roles = reader.GetString(3).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            found.Add(new TenantRecord(reader.GetString(0), reader.GetString(1),
                reader.GetInt64OrNull(2) is { } at ? UnixMilliseconds.ToInstant(at) : null, roles, reader.GetStringOrNull(4)));
        }
        return found;
    });
}
