using M365Scanner.Graph.Clients;
using Microsoft.Extensions.Options;

namespace M365Scanner.Graph.Tests.Clients;

public sealed class TenantGraphClientsTests
{
    private const string TenantId = "7d2f4a31-9a0e-4c55-8f3e-2b6c1d0e9f41";

    [Fact]
    public void For_ATenantRefusedOnce_IsServedOnceItsCredentialExists()
    {
        // An offboarded tenant's stray job asks first (refused); the admin re-admits it; its onboarding asks next.
        var source = new SwitchableSource();
        using var clients = new TenantGraphClients(Options.Create(new GraphOptions()), source);

        Assert.Throws<KeyNotFoundException>(() => clients.For(TenantId));
        source.Serving = new TenantCredentialOptions { TenantId = TenantId, ClientId = "5f6b7d1e-0c3a-4e8b-9a51-3b2f4c6d8e90", ClientSecret = "s" };

        Assert.NotNull(clients.For(TenantId));
        Assert.Same(clients.For(TenantId), clients.For(TenantId));
    }

    [Fact]
    public void For_AForgottenTenant_AsksForItsCredentialAgain()
    {
        var source = new SwitchableSource
        {
            Serving = new TenantCredentialOptions { TenantId = TenantId, ClientId = "5f6b7d1e-0c3a-4e8b-9a51-3b2f4c6d8e90", ClientSecret = "s" },
        };
        using var clients = new TenantGraphClients(Options.Create(new GraphOptions()), source);
        Assert.NotNull(clients.For(TenantId));

        clients.Forget(TenantId);
        source.Serving = null;

        Assert.Throws<KeyNotFoundException>(() => clients.For(TenantId));
    }

    private sealed class SwitchableSource : ITenantCredentialSource
    {
        public TenantCredentialOptions? Serving { get; set; }

        public TenantCredentialOptions? Find(string tenantId) =>
            string.Equals(Serving?.TenantId, tenantId, StringComparison.OrdinalIgnoreCase) ? Serving : null;
    }
}
