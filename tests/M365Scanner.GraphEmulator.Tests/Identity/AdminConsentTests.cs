using System.Net;
using Azure.Core;
using M365Scanner.GraphEmulator.Tests.TestSupport;
using Microsoft.AspNetCore.WebUtilities;

namespace M365Scanner.GraphEmulator.Tests.Identity;

public sealed class AdminConsentTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private const string Redirect = "https://scanner.example/consent/callback";

    private async Task<Dictionary<string, string>> Consent(string clientId)
    {
        using var http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            SslOptions = { RemoteCertificateValidationCallback = f.Emulator.Trust.Validate },
        });
        var url = QueryHelpers.AddQueryString(new Uri(f.Emulator.AuthorityHost, $"{f.Tenant.Id}/v2.0/adminconsent").ToString(),
            new Dictionary<string, string?> { ["client_id"] = clientId, ["redirect_uri"] = Redirect, ["state"] = "xyz", ["scope"] = GraphClients.GraphScope });
        using var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(Redirect, location.ToString());
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
    }

    [Fact]
    public async Task AdminConsent_RedirectsWithAdminConsentTrue_AndGrantsRequestedRoles()
    {
        var app = f.Emulator.Control.RegisterApp(f.Tenant.Id, secret: "s", requestedRoles: ["Mail.ReadWrite", "User.Read.All"], redirectUris: [Redirect]);
        var credential = GraphClients.SecretCredential(f.Emulator, f.Tenant.Id, app.ClientId, "s");
        Assert.Empty(app.GrantedRoles);

        var answer = await Consent(app.ClientId);

        Assert.Equal("True", answer["admin_consent"]);
        Assert.Equal(f.Tenant.Id, answer["tenant"]);
        Assert.Equal("xyz", answer["state"]);
        Assert.Equal(["Mail.ReadWrite", "User.Read.All"], app.GrantedRoles.Order());
        var record = Assert.Single(f.Tenant.Consents, c => c.ClientId == app.ClientId);
        Assert.True(record.Granted);
        var user = f.NewUser();
        var graph = GraphClients.Create(f.Emulator, credential);
        Assert.NotNull(await graph.Users[user.Id].MailFolders["inbox"].GetAsync());
    }

    [Fact]
    public async Task AdminConsent_AtOrganizations_ConsentsForTheTenantWhereTheAppIsRegistered()
    {
        var tenant = f.Emulator.Control.CreateTenant(domain: "multi.example");
        var app = f.Emulator.Control.RegisterApp(tenant.Id, secret: "s", requestedRoles: ["User.Read.All"], redirectUris: [Redirect]);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            SslOptions = { RemoteCertificateValidationCallback = f.Emulator.Trust.Validate },
        });

        using var response = await http.GetAsync(new Uri(f.Emulator.AuthorityHost,
            $"organizations/v2.0/adminconsent?client_id={app.ClientId}&redirect_uri={Uri.EscapeDataString(Redirect)}&state=s2"));
        var answer = QueryHelpers.ParseQuery(response.Headers.Location!.Query);

        Assert.Equal("True", answer["admin_consent"].ToString());
        Assert.Equal(tenant.Id, answer["tenant"].ToString());
        Assert.Equal(["User.Read.All"], app.GrantedRoles);
    }

    [Fact]
    public async Task AdminConsent_RedirectsWithError_WhenTenantRefuses()
    {
        var tenant = f.Emulator.Control.CreateTenant(domain: "refusing.example");
        var app = f.Emulator.Control.RegisterApp(tenant.Id, secret: "s", requestedRoles: ["Mail.ReadWrite"]);
        f.Emulator.Control.SetConsentError(tenant.Id, "access_denied");
        using var http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            SslOptions = { RemoteCertificateValidationCallback = f.Emulator.Trust.Validate },
        });

        using var response = await http.GetAsync(new Uri(f.Emulator.AuthorityHost,
            $"{tenant.Id}/v2.0/adminconsent?client_id={app.ClientId}&redirect_uri={Uri.EscapeDataString(Redirect)}&state=s1"));
        var answer = QueryHelpers.ParseQuery(response.Headers.Location!.Query);

        Assert.Equal("access_denied", answer["error"].ToString());
        Assert.Equal("s1", answer["state"].ToString());
        Assert.Empty(app.GrantedRoles);
        Assert.False(Assert.Single(tenant.Consents).Granted);
    }
}
