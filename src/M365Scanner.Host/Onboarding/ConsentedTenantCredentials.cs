using M365Scanner.Core.Operations;
using M365Scanner.Graph;
using M365Scanner.Graph.Clients;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Onboarding;

/// <summary>
/// How onboarded tenants reach Graph: <see cref="TenantGraphClients"/> knows the tenants of Graph:Tenants; for any
/// other tenant it asks here, and a tenant that consented (onboarding or active in the tenant store) gets the
/// multi-tenant app's credential with its own tenant id. Offboarded and consent-failed tenants get nothing, so a
/// stray job for them fails instead of reading mail.
/// </summary>
public sealed class ConsentedTenantCredentials(ITenantStore tenants, IOptions<OnboardingOptions> options) : ITenantCredentialSource
{
    public TenantCredentialOptions? Find(string tenantId) =>
        options.Value.Enabled && tenants.Get(tenantId) is { } tenant && TenantStates.IsProtected(tenant.State)
            ? options.Value.CredentialFor(tenant.TenantId)
            : null;
}
