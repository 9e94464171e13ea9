using M365Scanner.Core.Correspondence;

namespace M365Scanner.Storage.InMemory;

/// <summary>Graphs in memory: a closed store is gone, so there is nothing left to delete.</summary>
public sealed class InMemoryGraphStorage : ITenantGraphStorage
{
    public ICorrespondenceStore Open(string tenantId) => new InMemoryCorrespondenceStore();

    public void Delete(string tenantId) { }
}
