namespace M365Scanner.Core.Correspondence;

/// <summary>Where each tenant's correspondence graph lives: opened on the tenant's first scan, deleted when the tenant
/// is offboarded. One implementation per storage provider.</summary>
public interface ITenantGraphStorage
{
    ICorrespondenceStore Open(string tenantId);

    /// <summary>Deletes the tenant's graph; its store must already be closed (the host closes it first).</summary>
    void Delete(string tenantId);
}
