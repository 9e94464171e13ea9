using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Storage.Rows;
using Npgsql;

namespace M365Scanner.Storage.Postgres;

/// <summary>Tenant policies in a <see cref="PostgresDatabase"/> (tables <c>tenant_policies</c> and <c>policy_entries</c>);
/// seq is the order of saving, the tie-break between equal times, as rowid is in the SQLite store.</summary>
public sealed class PostgresPolicyStore(PostgresDatabase database) : IPolicyStore
{
    private readonly PostgresDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    public TenantPolicyVersion? Current(string tenantId) => Versions(tenantId, 1).SingleOrDefault();

    public IReadOnlyList<TenantPolicyVersion> History(string tenantId) => Versions(tenantId, int.MaxValue);

    public void Save(TenantPolicyVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        _database.Run(connection =>
        {
            using var insert = connection.Command(
                $"INSERT INTO tenant_policies ({PolicyVersionRows.Columns}) VALUES ({SqlDialect.Postgres.Parameters(PolicyVersionRows.Columns)});");
            SqlDialect.Postgres.Bind(insert, PolicyVersionRows.Columns, PolicyVersionRows.Values(version));
            return insert.ExecuteNonQuery();
        });
    }

    public void Add(PolicyEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var added = _database.Run(connection =>
        {
            using var insert = connection.Command($"""
                INSERT INTO policy_entries ({PolicyEntryRows.Columns}) VALUES ({SqlDialect.Postgres.Parameters(PolicyEntryRows.Columns)})
                ON CONFLICT (id) DO NOTHING;
                """);
            SqlDialect.Postgres.Bind(insert, PolicyEntryRows.Columns, PolicyEntryRows.Values(entry));
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
            WHERE tenant_id = @tenant AND (@all OR removed_at IS NULL) ORDER BY seq;
            """, c => c.With("tenant", tenantId).With("all", includeRemoved));
    }

    public PolicyEntry? Remove(string tenantId, string entryId, string actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(entryId);
        ArgumentNullException.ThrowIfNull(actor);
        _database.Run(connection =>
        {
            using var update = connection.Command("""
                UPDATE policy_entries SET removed_by = @actor, removed_at = @at
                WHERE tenant_id = @tenant AND id = @id AND removed_at IS NULL;
                """);
            SqlDialect.Postgres.Bind(update, "actor, at, tenant, id", [actor, at, tenantId, entryId]);
            return update.ExecuteNonQuery();
        });
        return ReadEntries($"SELECT {PolicyEntryRows.Columns} FROM policy_entries WHERE tenant_id = @tenant AND id = @id;",
            c => c.With("tenant", tenantId).With("id", entryId)).SingleOrDefault();
    }

    private List<TenantPolicyVersion> Versions(string tenantId, int limit)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        return _database.Run(connection =>
        {
            using var select = connection.Command($"""
                SELECT {PolicyVersionRows.Columns} FROM tenant_policies WHERE tenant_id = @tenant ORDER BY seq DESC LIMIT @limit;
                """);
            return select.With("tenant", tenantId).With("limit", limit).ReadAll(reader => PolicyVersionRows.Read(reader, SqlDialect.Postgres));
        });
    }

    private List<PolicyEntry> ReadEntries(string sql, Action<NpgsqlCommand> bind) => _database.Run(connection =>
    {
        using var select = connection.Command(sql);
        bind(select);
        return select.ReadAll(reader => PolicyEntryRows.Read(reader, SqlDialect.Postgres));
    });
}
