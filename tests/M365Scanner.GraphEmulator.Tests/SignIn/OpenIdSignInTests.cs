using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using M365Scanner.GraphEmulator.Directory;
using M365Scanner.GraphEmulator.Tests.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace M365Scanner.GraphEmulator.Tests.SignIn;

/// <summary>The emulator's OpenID Connect sign-in (authorization code + PKCE) over real HTTPS on 127.0.0.1, driven
/// step by step as a browser and a web app's back channel would.</summary>
public sealed class OpenIdSignInTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>, IDisposable
{
    private const string Redirect = "https://console.example/signin-oidc";
    private const string AppSecret = "console-secret";
    private readonly OidcBrowser _browser = new(f.Emulator);

    private (AppRegistration App, EmulatedUser User, string Password) NewAppAndUser(params string[] roles)
    {
        var app = f.Emulator.Control.RegisterApp(f.Tenant.Id, secret: AppSecret, redirectUris: [Redirect]);
        var name = "signin" + Guid.NewGuid().ToString("N")[..8];
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var user = f.Emulator.Control.AddSignInUser(f.Tenant.Id, $"{name}@contoso.onmicrosoft.com", password, app.ClientId, roles, "Test " + name);
        return (app, user, password);
    }

    private async Task<(Dictionary<string, string> Answer, Dictionary<string, string?> Request, string Verifier)> SignInAsync(
        AppRegistration app, EmulatedUser user, string password, string responseMode = "form_post")
    {
        var (verifier, challenge) = OidcBrowser.NewPkce();
        var request = OidcBrowser.CodeRequest(app.ClientId, Redirect, challenge, responseMode);
        using var response = await _browser.SignInAsync(_browser.AuthorizeUrl(f.Tenant.Id, request), user.UserPrincipalName, password);
        return (await OidcBrowser.AnswerAsync(response, Redirect), request, verifier);
    }

    private static Dictionary<string, string?> Redemption(AppRegistration app, string code, string? verifier) => new()
    {
        ["grant_type"] = "authorization_code",
        ["client_id"] = app.ClientId,
        ["client_secret"] = AppSecret,
        ["code"] = code,
        ["redirect_uri"] = Redirect,
        ["code_verifier"] = verifier,
    };

    private async Task<JsonElement> DiscoveryAsync() =>
        await _browser.Http.GetFromJsonAsync<JsonElement>(new Uri(f.Emulator.AuthorityHost, $"{f.Tenant.Id}/v2.0/.well-known/openid-configuration"));

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadAsync(HttpResponseMessage response) =>
        (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());

    [Fact]
    public async Task Discovery_NamesTheTenantV2IssuerAndEndpoints_AndTheKeySetServesTheSigningKey()
    {
        var doc = await DiscoveryAsync();
        var root = new Uri(f.Emulator.AuthorityHost, f.Tenant.Id).ToString();

        Assert.Equal(root + "/v2.0", doc.GetProperty("issuer").GetString());
        Assert.Equal(root + "/oauth2/v2.0/authorize", doc.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(root + "/oauth2/v2.0/token", doc.GetProperty("token_endpoint").GetString());
        Assert.Contains("form_post", doc.GetProperty("response_modes_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("S256", doc.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        var keys = new JsonWebKeySet(await _browser.Http.GetStringAsync(doc.GetProperty("jwks_uri").GetString()));
        Assert.Equal("RSA", Assert.Single(keys.Keys).Kty);
    }

    [Fact]
    public async Task CodeFlowWithPkce_FormPost_GivesAnIdTokenSignedByTheJwks_WithRolesNonceAndTenant()
    {
        var (app, user, password) = NewAppAndUser("Analyst", "Reader");

        var (answer, request, verifier) = await SignInAsync(app, user, password);
        Assert.Equal(request["state"], answer["state"]);
        using var tokenResponse = await _browser.RedeemAsync(f.Tenant.Id, Redemption(app, answer["code"], verifier));
        var (status, body) = await ReadAsync(tokenResponse);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
        var doc = await DiscoveryAsync();
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(body.GetProperty("id_token").GetString(), new TokenValidationParameters
        {
            ValidIssuer = doc.GetProperty("issuer").GetString(),
            ValidAudience = app.ClientId,
            IssuerSigningKeys = new JsonWebKeySet(await _browser.Http.GetStringAsync(doc.GetProperty("jwks_uri").GetString())).GetSigningKeys(),
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var token = (JsonWebToken)validation.SecurityToken;
        Assert.Equal("RS256", token.Alg);
        Assert.Equal(request["nonce"], token.GetClaim("nonce").Value);
        Assert.Equal(f.Tenant.Id, token.GetClaim("tid").Value);
        Assert.Equal(user.Id, token.GetClaim("oid").Value);
        Assert.Equal(user.UserPrincipalName, token.GetClaim("preferred_username").Value);
        Assert.Equal(user.DisplayName, token.GetClaim("name").Value);
        Assert.Equal(["Analyst", "Reader"], token.Claims.Where(c => c.Type == "roles").Select(c => c.Value).Order());
    }

    [Fact]
    public async Task CodeFlow_QueryMode_RedirectsToTheRegisteredUriWithCodeAndState()
    {
        var (app, user, password) = NewAppAndUser("Admin");

        var (answer, request, verifier) = await SignInAsync(app, user, password, responseMode: "query");

        Assert.Equal(request["state"], answer["state"]);
        using var tokenResponse = await _browser.RedeemAsync(f.Tenant.Id, Redemption(app, answer["code"], verifier));
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
    }

    [Fact]
    public async Task UnregisteredRedirectUri_Is400WithoutRedirect()
    {
        var (app, _, _) = NewAppAndUser("Reader");
        var (_, challenge) = OidcBrowser.NewPkce();
        var request = OidcBrowser.CodeRequest(app.ClientId, "https://attacker.example/signin-oidc", challenge);

        using var response = await _browser.Http.GetAsync(_browser.AuthorizeUrl(f.Tenant.Id, request));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("AADSTS50011", html);
        Assert.DoesNotContain("<form", html);
    }

    [Fact]
    public async Task SignInPost_WithARedirectUriChangedInTheForm_Is400WithoutRedirect()
    {
        var (app, user, password) = NewAppAndUser("Reader");
        var (_, challenge) = OidcBrowser.NewPkce();
        using var page = await _browser.Http.GetAsync(_browser.AuthorizeUrl(f.Tenant.Id, OidcBrowser.CodeRequest(app.ClientId, Redirect, challenge)));
        var form = OidcBrowser.Form(await page.Content.ReadAsStringAsync());
        form.Fields["redirect_uri"] = "https://attacker.example/signin-oidc";
        form.Fields["username"] = user.UserPrincipalName;
        form.Fields["password"] = password;

        using var response = await _browser.Http.PostAsync(new Uri(f.Emulator.AuthorityHost, form.Action), new FormUrlEncodedContent(form.Fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("AADSTS50011", html);
        Assert.DoesNotContain("name=\"code\"", html);
    }

    [Fact]
    public async Task WrongPassword_ShowsTheFormAgainWithAnError_AndNoCode()
    {
        var (app, user, _) = NewAppAndUser("Reader");
        var (_, challenge) = OidcBrowser.NewPkce();

        using var response = await _browser.SignInAsync(_browser.AuthorizeUrl(f.Tenant.Id, OidcBrowser.CodeRequest(app.ClientId, Redirect, challenge)),
            user.UserPrincipalName, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Your account or password is incorrect.", html);
        var form = OidcBrowser.Form(html);
        Assert.EndsWith("/oauth2/v2.0/authorize", form.Action);
        Assert.False(form.Fields.ContainsKey("code"));
    }

    [Fact]
    public async Task AuthorizeWithoutPkce_RedirectsBackWithInvalidRequest()
    {
        var (app, _, _) = NewAppAndUser("Reader");
        var request = OidcBrowser.CodeRequest(app.ClientId, Redirect, "unused", responseMode: "query");
        request.Remove("code_challenge");
        request.Remove("code_challenge_method");

        using var response = await _browser.Http.GetAsync(_browser.AuthorizeUrl(f.Tenant.Id, request));
        var answer = await OidcBrowser.AnswerAsync(response, Redirect);

        Assert.Equal("invalid_request", answer["error"]);
        Assert.Equal(request["state"], answer["state"]);
        Assert.False(answer.ContainsKey("code"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("a-verifier-that-is-long-enough-but-is-not-the-one-of-the-challenge")]
    public async Task Redemption_WithAMissingOrWrongVerifier_IsInvalidGrant_AndUsesTheCodeUp(string? wrongVerifier)
    {
        var (app, user, password) = NewAppAndUser("Reader");
        var (answer, _, verifier) = await SignInAsync(app, user, password);

        using var refused = await _browser.RedeemAsync(f.Tenant.Id, Redemption(app, answer["code"], wrongVerifier));
        var (status, body) = await ReadAsync(refused);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.Contains("code_challenge", body.GetProperty("error_description").GetString(), StringComparison.OrdinalIgnoreCase);

        using var retry = await _browser.RedeemAsync(f.Tenant.Id, Redemption(app, answer["code"], verifier));
        Assert.Equal(HttpStatusCode.BadRequest, retry.StatusCode);
    }

    [Fact]
    public async Task ReusedCode_IsRefusedAsAlreadyRedeemed()
    {
        var (app, user, password) = NewAppAndUser("Reader");
        var (answer, _, verifier) = await SignInAsync(app, user, password);
        using var first = await _browser.RedeemAsync(f.Tenant.Id, Redemption(app, answer["code"], verifier));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var second = await _browser.RedeemAsync(f.Tenant.Id, Redemption(app, answer["code"], verifier));
        var (status, body) = await ReadAsync(second);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.StartsWith("AADSTS54005", body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task CodeRedeemedByAnotherClient_IsRefused()
    {
        var (app, user, password) = NewAppAndUser("Reader");
        var other = f.Emulator.Control.RegisterApp(f.Tenant.Id, secret: AppSecret, redirectUris: [Redirect]);
        var (answer, _, verifier) = await SignInAsync(app, user, password);

        using var response = await _browser.RedeemAsync(f.Tenant.Id, Redemption(other, answer["code"], verifier));
        var (status, body) = await ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());
        Assert.DoesNotContain("id_token", body.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Redemption_WithAnotherRedirectUriOrWrongSecret_IsRefused()
    {
        var (app, user, password) = NewAppAndUser("Reader");
        var (answer, _, verifier) = await SignInAsync(app, user, password);
        var badSecret = Redemption(app, answer["code"], verifier);
        badSecret["client_secret"] = "wrong";
        using var refusedClient = await _browser.RedeemAsync(f.Tenant.Id, badSecret);
        Assert.Equal(HttpStatusCode.Unauthorized, refusedClient.StatusCode);

        var (answer2, _, verifier2) = await SignInAsync(app, user, password);
        var otherRedirect = Redemption(app, answer2["code"], verifier2);
        otherRedirect["redirect_uri"] = "https://console.example/other";
        using var refusedRedirect = await _browser.RedeemAsync(f.Tenant.Id, otherRedirect);
        Assert.Equal("invalid_grant", (await ReadAsync(refusedRedirect)).Body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task IdTokenRoles_AreOnlyThoseForTheAppSignedInto()
    {
        var (app, user, password) = NewAppAndUser("Admin");
        var other = f.Emulator.Control.RegisterApp(f.Tenant.Id, secret: AppSecret, redirectUris: [Redirect]);
        f.Emulator.Control.AssignAppRoles(f.Tenant.Id, user.Id, other.ClientId, ["Reader"]);

        var (answer, _, verifier) = await SignInAsync(other, user, password);
        using var response = await _browser.RedeemAsync(f.Tenant.Id, Redemption(other, answer["code"], verifier));
        var idToken = new JsonWebToken((await ReadAsync(response)).Body.GetProperty("id_token").GetString());

        Assert.Equal(["Reader"], idToken.Claims.Where(c => c.Type == "roles").Select(c => c.Value));
    }

    public void Dispose() => _browser.Dispose();
}
