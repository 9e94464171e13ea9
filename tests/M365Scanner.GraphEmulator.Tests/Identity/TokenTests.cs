using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using M365Scanner.GraphEmulator.Tests.TestSupport;
using Microsoft.Graph.Models.ODataErrors;

namespace M365Scanner.GraphEmulator.Tests.Identity;

public sealed class TokenTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task ClientSecretCredential_GetsSignedTokenWithTenantAppAndRoles()
    {
        var credential = GraphClients.SecretCredential(f.Emulator, f.Tenant.Id, f.App.ClientId, EmulatorFixture.Secret);

        var token = await credential.GetTokenAsync(new TokenRequestContext([GraphClients.GraphScope]), default);

        var claims = ReadClaims(token.Token);
        Assert.Equal(f.Tenant.Id, claims.GetProperty("tid").GetString());
        Assert.Equal(f.App.ClientId, claims.GetProperty("appid").GetString());
        Assert.Contains("Mail.ReadWrite", claims.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.True(token.ExpiresOn > DateTimeOffset.UtcNow.AddMinutes(50));
    }

    [Fact]
    public async Task ClientCertificateCredential_GetsToken_AndGraphAcceptsIt()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=scanner-app", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var app = f.Emulator.Control.RegisterApp(f.Tenant.Id, certificate: certificate, grantedRoles: ["User.Read.All"]);
        var user = f.NewUser();
        var graph = GraphClients.Create(f.Emulator, GraphClients.CertificateCredential(f.Emulator, f.Tenant.Id, app.ClientId, certificate));

        var fetched = await graph.Users[user.Id].GetAsync();

        Assert.Equal(user.UserPrincipalName, fetched!.UserPrincipalName);
    }

    [Fact]
    public async Task ClientCertificateCredential_Fails_WhenSignedByAnotherCertificate()
    {
        using var registeredKey = RSA.Create(2048);
        using var registered = new CertificateRequest("CN=registered", registeredKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var otherKey = RSA.Create(2048);
        using var other = new CertificateRequest("CN=other", otherKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var app = f.Emulator.Control.RegisterApp(f.Tenant.Id, certificate: registered, grantedRoles: ["User.Read.All"]);
        var credential = GraphClients.CertificateCredential(f.Emulator, f.Tenant.Id, app.ClientId, other);

        var e = await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            credential.GetTokenAsync(new TokenRequestContext([GraphClients.GraphScope]), default).AsTask());
        Assert.Contains("AADSTS700027", e.InnerException!.Message);
    }

    [Fact]
    public async Task ClientSecretCredential_Fails_WithWrongSecret()
    {
        var credential = GraphClients.SecretCredential(f.Emulator, f.Tenant.Id, f.App.ClientId, "wrong");

        var e = await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            credential.GetTokenAsync(new TokenRequestContext([GraphClients.GraphScope]), default).AsTask());
        Assert.Contains("AADSTS7000215", e.InnerException!.Message);
    }

    [Fact]
    public async Task Graph_Returns401_WhenTokenMissing()
    {
        using var http = new HttpClient(f.Emulator.CreateHttpHandler());

        using var response = await http.GetAsync(new Uri(f.Emulator.GraphV1 + "/users"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("InvalidAuthenticationToken", body.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Graph_Returns401_WhenTokenExpired()
    {
        var expired = f.Emulator.Control.IssueAccessToken(f.Tenant.Id, f.App.ClientId, EmulatorFixture.ScannerRoles, TimeSpan.FromHours(-1));
        var graph = GraphClients.Create(f.Emulator, new StaticTokenCredential(expired));

        var e = await Assert.ThrowsAsync<ODataError>(() => graph.Users.GetAsync());

        Assert.Equal(401, e.ResponseStatusCode);
        Assert.Equal("InvalidAuthenticationToken", e.Error!.Code);
        Assert.Contains("expired", e.Error.Message);
    }

    [Fact]
    public async Task Graph_Returns401_WhenTokenIsForUnknownTenant()
    {
        var foreign = f.Emulator.Control.IssueAccessToken(Guid.NewGuid().ToString(), f.App.ClientId, EmulatorFixture.ScannerRoles);
        var graph = GraphClients.Create(f.Emulator, new StaticTokenCredential(foreign));

        var e = await Assert.ThrowsAsync<ODataError>(() => graph.Users.GetAsync());

        Assert.Equal(401, e.ResponseStatusCode);
    }

    [Fact]
    public async Task Graph_Returns404_ForUserOfAnotherTenant()
    {
        var otherTenant = f.Emulator.Control.CreateTenant(domain: "fabrikam.onmicrosoft.com");
        var stranger = f.Emulator.Control.AddUser(otherTenant.Id, "eve@fabrikam.onmicrosoft.com");

        var e = await Assert.ThrowsAsync<ODataError>(() => f.Graph.Users[stranger.Id].MailFolders["inbox"].Messages.GetAsync());

        Assert.Equal(404, e.ResponseStatusCode);
    }

    [Fact]
    public async Task Graph_Returns403_WhenRoleMissing()
    {
        var app = f.Emulator.Control.RegisterApp(f.Tenant.Id, secret: "s", grantedRoles: ["User.Read.All"]);
        var user = f.NewUser();
        var graph = GraphClients.Create(f.Emulator, GraphClients.SecretCredential(f.Emulator, f.Tenant.Id, app.ClientId, "s"));

        var e = await Assert.ThrowsAsync<ODataError>(() => graph.Users[user.Id].MailFolders["inbox"].Messages.GetAsync());

        Assert.Equal(403, e.ResponseStatusCode);
        Assert.Equal("ErrorAccessDenied", e.Error!.Code);
    }

    [Fact]
    public async Task Tls_IsTrustedOnlyThroughThePinnedHandler()
    {
        using var unpinned = new HttpClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => unpinned.GetAsync(f.Emulator.GraphV1));
        Assert.True(f.Emulator.Trust.Matches(f.Emulator.Trust.Certificate));
    }

    private static JsonElement ReadClaims(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        return JsonDocument.Parse(Convert.FromBase64String(payload)).RootElement.Clone();
    }
}
