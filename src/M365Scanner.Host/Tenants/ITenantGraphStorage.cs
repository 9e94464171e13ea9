using M365Scanner.Core.Correspondence;

namespace M365Scanner.Host.Tenants;

/// <summary>Where each tenant's correspondence graph lives: opened on the tenant's first scan, deleted when the tenant
/// is offboarded. One implementation per storage provider.</summary>
public interface ITenantGraphStorage
{
    ICorrespondenceStore Open(string tenantId);

    /// <summary>Deletes the tenant's graph; its store must already be closed (<see cref="TenantScanners.Forget"/>).</summary>
    void Delete(string tenantId);
}
