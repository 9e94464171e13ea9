using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using M365Scanner.GraphEmulator.Control;
using M365Scanner.GraphEmulator.Tests.TestSupport;

namespace M365Scanner.GraphEmulator.Tests.SignIn;

/// <summary>The stock ASP.NET Core OpenID Connect handler signs a user in against the emulator end to end (discovery,
/// authorize with PKCE, form_post callback, code redemption, id token validation against the JWKS, cookie), proving
/// the flow is the standard one a console configured for Entra ID runs. Uses the demo tenant's console app and users.</summary>
public sealed class OpenIdConnectHandlerTests : IAsyncLifetime
{
    private EmulatorHost _emulator = null!;
    private OidcWebApp _web = null!;
    private HttpClient _browser = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(EmulatorFixture.Options());
        DemoSeed.Seed(_emulator.Control, enronDirectory: null, count: 0);
        _web = await OidcWebApp.StartAsync(_emulator, DemoSeed.TenantId, DemoSeed.ConsoleClientId, DemoSeed.ConsoleClientSecret);
        // A browser: follows redirects, keeps cookies, trusts exactly the two local certificates.
        _browser = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            AllowAutoRedirect = true,
            SslOptions = { RemoteCertificateValidationCallback = (_, c, _, _) => _emulator.Trust.Matches(c) || _web.Trust.Matches(c) },
        });
    }

    /// <summary>Opens /me, is sent to the emulator's sign-in form, signs in, and lets the form_post page submit.</summary>
    private async Task<HttpResponseMessage> SignInAsync(ConsoleTestUser user)
    {
        using var signInPage = await _browser.GetAsync(new Uri(_web.BaseUri, "me"));
        Assert.Equal(HttpStatusCode.OK, signInPage.StatusCode);
        Assert.StartsWith(new Uri(_emulator.AuthorityHost, $"{DemoSeed.TenantId}/oauth2/v2.0/authorize").ToString(), signInPage.RequestMessage!.RequestUri!.ToString());
        var form = OidcBrowser.Form(await signInPage.Content.ReadAsStringAsync());
        form.Fields["username"] = user.UserPrincipalName;
        form.Fields["password"] = user.Password;

        using var answer = await _browser.PostAsync(new Uri(signInPage.RequestMessage.RequestUri, form.Action), new FormUrlEncodedContent(form.Fields));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var callback = OidcBrowser.Form(await answer.Content.ReadAsStringAsync());
        Assert.Equal(new Uri(_web.BaseUri, "signin-oidc").ToString(), callback.Action);
        return await _browser.PostAsync(callback.Action, new FormUrlEncodedContent(callback.Fields));
    }

    [Fact]
    public async Task AnalystSignsInThroughTheStockHandler_AndHasTheAnalystRoleButNotAdmin()
    {
        var analyst = DemoSeed.ConsoleUsers.Single(u => u.Role == "Analyst");

        using var me = await SignInAsync(analyst);

        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(new Uri(_web.BaseUri, "me"), me.RequestMessage!.RequestUri);
        var body = await me.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(analyst.DisplayName, body.GetProperty("name").GetString());
        Assert.Equal(DemoSeed.TenantId, body.GetProperty("tid").GetString());
        Assert.Equal(["Analyst"], body.GetProperty("roles").EnumerateArray().Select(e => e.GetString()));
        using var admin = await _browser.GetAsync(new Uri(_web.BaseUri, "admin"));
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
    }

    [Fact]
    public async Task AdminSignsInThroughTheStockHandler_AndReachesTheAdminArea()
    {
        using var me = await SignInAsync(DemoSeed.ConsoleUsers.Single(u => u.Role == "Admin"));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);

        using var admin = await _browser.GetAsync(new Uri(_web.BaseUri, "admin"));

        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal("admin area", await admin.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _web.DisposeAsync();
        await _emulator.DisposeAsync();
    }
}
