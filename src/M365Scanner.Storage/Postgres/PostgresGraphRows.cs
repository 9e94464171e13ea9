using M365Scanner.Core.Correspondence;

namespace M365Scanner.Storage.Postgres;

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
