using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Storage.Rows;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Storage.Sqlite;

/// <summary>Tenant policies in a <see cref="SqliteDatabase"/> (tables <c>tenant_policies</c> and <c>policy_entries</c>);
/// rowid is the order of saving, the tie-break between equal times.</summary>
public sealed class SqlitePolicyStore(SqliteDatabase database) : IPolicyStore
{
    private readonly SqliteDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    public TenantPolicyVersion? Current(string tenantId) => Versions(tenantId, 1).SingleOrDefault();

    public IReadOnlyList<TenantPolicyVersion> History(string tenantId) => Versions(tenantId, int.MaxValue);

    public void Save(TenantPolicyVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        _database.Write(transaction =>
        {
            using var insert = transaction.Command(
                $"INSERT INTO tenant_policies ({PolicyVersionRows.Columns}) VALUES ({SqlDialect.Sqlite.Parameters(PolicyVersionRows.Columns)});");
            SqlDialect.Sqlite.Bind(insert, PolicyVersionRows.Columns, PolicyVersionRows.Values(version));
            insert.ExecuteNonQuery();
        });
    }

    public void Add(PolicyEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var added = _database.Write(transaction =>
        {
            using var insert = transaction.Command($"""
                INSERT INTO policy_entries ({PolicyEntryRows.Columns}) VALUES ({SqlDialect.Sqlite.Parameters(PolicyEntryRows.Columns)})
                ON CONFLICT (id) DO NOTHING;
                """);
            SqlDialect.Sqlite.Bind(insert, PolicyEntryRows.Columns, PolicyEntryRows.Values(entry));
            return insert.ExecuteNonQuery();
        });
        if (added == 0)
            throw new InvalidOperationException($"Policy entry {entry.Id} exists.");
    }

    public IReadOnlyList<PolicyEntry> Entries(string tenantId, bool includeRemoved = false)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        return ReadEntries($"""
            SELECT {PolicyEntryRows.Columns} FROM policy_entries
            WHERE tenant_id = $tenant AND ($all = 1 OR removed_at IS NULL) ORDER BY rowid;
            """, c => c.With("$tenant", tenantId).With("$all", includeRemoved ? 1 : 0));
    }

    public PolicyEntry? Remove(string tenantId, string entryId, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(entryId);
        ArgumentNullException.ThrowIfNull(actor);
        _database.Write(transaction =>
        {
            using var update = transaction.Command("""
                UPDATE policy_entries SET removed_by = $actor, removed_at = $at
                WHERE tenant_id = $tenant AND id = $id AND removed_at IS NULL;
                """);
            update.With("$actor", actor).With("$at", at.ToUnixTimeMilliseconds()).With("$tenant", tenantId).With("$id", entryId);
            return update.ExecuteNonQuery();
        });
        return ReadEntries($"SELECT {PolicyEntryRows.Columns} FROM policy_entries WHERE tenant_id = $tenant AND id = $id;",
            c => c.With("$tenant", tenantId).With("$id", entryId)).SingleOrDefault();
    }

    private List<TenantPolicyVersion> Versions(string tenantId, int limit)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        return _database.Read(transaction =>
        {
            using var select = transaction.Command($"""
                SELECT {PolicyVersionRows.Columns} FROM tenant_policies WHERE tenant_id = $tenant ORDER BY rowid DESC LIMIT $limit;
                """);
            select.With("$tenant", tenantId).With("$limit", limit);
            using var reader = select.ExecuteReader();
            var found = new List<TenantPolicyVersion>();
            while (reader.Read())
                found.Add(PolicyVersionRows.Read(reader, SqlDialect.Sqlite));
            return found;
        });
    }

    private List<PolicyEntry> ReadEntries(string sql, Action<SqliteCommand> bind) => _database.Read(transaction =>
    {
        using var select = transaction.Command(sql);
        bind(select);
        using var reader = select.ExecuteReader();
        var found = new List<PolicyEntry>();
        while (reader.Read())
            found.Add(PolicyEntryRows.Read(reader, SqlDialect.Sqlite));
        return found;
    });
}
