using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using M365Scanner.GraphEmulator.Tests.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;

namespace M365Scanner.GraphEmulator.Tests.SignIn;

/// <summary>Sign-in users set up from another process, through the HTTP control API, as the demo would.</summary>
public sealed class SignInUsersControlTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private const string Redirect = "http://localhost/signin-oidc";

    [Fact]
    public async Task UserAddedOverHttpWithPasswordAndAppRoles_SignsIn_AndGetsThoseRoles_OnAnyLoopbackPort()
    {
        using var http = new HttpClient(f.Emulator.CreateHttpHandler()) { BaseAddress = new Uri(f.Emulator.AuthorityHost, "_emulator/") };
        var app = await (await http.PostAsJsonAsync($"tenants/{f.Tenant.Id}/apps", new { secret = "s", redirectUris = new[] { Redirect } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var clientId = app.GetProperty("clientId").GetString()!;
        (await http.PostAsJsonAsync($"tenants/{f.Tenant.Id}/users", new
        {
            userPrincipalName = "ops@contoso.onmicrosoft.com",
            displayName = "Ops Analyst",
            password = "ops-password",
            appRoles = new Dictionary<string, string[]> { [clientId] = ["Analyst"] },
        })).EnsureSuccessStatusCode();

        using var browser = new OidcBrowser(f.Emulator);
        var (verifier, challenge) = OidcBrowser.NewPkce();
        // Entra ID ignores the port of a loopback redirect URI; a web app on a port chosen at start still matches.
        var redirect = "http://localhost:51234/signin-oidc";
        using var answer = await browser.SignInAsync(browser.AuthorizeUrl(f.Tenant.Id, OidcBrowser.CodeRequest(clientId, redirect, challenge)),
            "ops@contoso.onmicrosoft.com", "ops-password");
        var fields = await OidcBrowser.AnswerAsync(answer, redirect);
        using var token = await browser.RedeemAsync(f.Tenant.Id, new Dictionary<string, string?>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = clientId, ["client_secret"] = "s",
            ["code"] = fields["code"], ["redirect_uri"] = redirect, ["code_verifier"] = verifier,
        });
        var body = await token.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var idToken = new JsonWebToken(body.GetProperty("id_token").GetString());
        Assert.Equal("Ops Analyst", idToken.GetClaim("name").Value);
        Assert.Equal(["Analyst"], idToken.Claims.Where(c => c.Type == "roles").Select(c => c.Value));
    }

    [Fact]
    public async Task UserOverHttpWithRolesOfAnUnknownApp_Is400_AndNotAdded()
    {
        using var http = new HttpClient(f.Emulator.CreateHttpHandler()) { BaseAddress = new Uri(f.Emulator.AuthorityHost, "_emulator/") };

        using var response = await http.PostAsJsonAsync($"tenants/{f.Tenant.Id}/users", new
        {
            userPrincipalName = "nobody@contoso.onmicrosoft.com",
            password = "p",
            appRoles = new Dictionary<string, string[]> { ["not-an-app"] = ["Admin"] },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(f.Tenant.FindUser("nobody@contoso.onmicrosoft.com"));
    }
}
