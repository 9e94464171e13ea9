namespace M365Scanner.Graph.Clients;

/// <summary>Where <see cref="TenantGraphClients"/> looks for the credential of a tenant that is not under
/// <see cref="GraphOptions.Tenants"/>: tenants onboarded at run time, which all use the one multi-tenant app.</summary>
public interface ITenantCredentialSource
{
    /// <summary>The credential to use for <paramref name="tenantId"/>, or null when this source does not serve it.</summary>
    TenantCredentialOptions? Find(string tenantId);
}
