using M365Scanner.Core.Correspondence;
using M365Scanner.Storage.Postgres;

namespace M365Scanner.Host.Tenants;

/// <summary>Every tenant's graph in the one <c>edges</c> table of the shared PostgreSQL database, keyed by tenant.</summary>
public sealed class PostgresGraphRows(PostgresDatabase database) : ITenantGraphStorage
{
    public ICorrespondenceStore Open(string tenantId) => new PostgresCorrespondenceStore(database, tenantId);

    public void Delete(string tenantId)
    {
        using var store = new PostgresCorrespondenceStore(database, tenantId);
        store.DeleteAllEdges();
    }
}
