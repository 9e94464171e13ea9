using System.Net;
using M365Scanner.Host.Tests.TestSupport;

namespace M365Scanner.Host.Tests.AnalystConsole;

/// <summary>The console signs people in through the tenant's OpenID Connect provider (the emulator standing in for
/// Entra ID), keeps them in a cookie session, and lets in only holders of one of its app roles.</summary>
public sealed class ConsoleSignInTests : IAsyncLifetime
{
    private ScannerEnvironment _env = null!;

    public async Task InitializeAsync() => _env = await ScannerEnvironment.StartAsync();

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Fact]
    public async Task AnAnonymousVisitor_IsSentToTheProvidersSignInPage_WithCodeFlowAndPkce()
    {
        using var browser = new ConsoleBrowser(_env);

        var page = await browser.GetAsync("/console/messages");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith(new Uri(_env.Emulator.AuthorityHost, $"{_env.TenantId}/oauth2/v2.0/authorize").ToString(), page.Url.ToString());
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(page.Url.Query);
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        // Absent means query for the code flow; form_post would be a cross-site POST the host refuses.
        Assert.True(!query.TryGetValue("response_mode", out var mode) || mode == "query", page.Url.ToString());
        Assert.Equal($"{_env.BaseUrl}/signin-oidc", query["redirect_uri"].ToString());
    }

    [Theory]
    [InlineData("code=forged&state=forged")]
    [InlineData("error=access_denied&error_description=AADSTS50105%3A+not+assigned&state=forged")]
    public async Task AReturnFromTheProviderThatCannotBeCompleted_IsAPageOfferingToSignInAgain_NotA500(string query)
    {
        using var browser = new ConsoleBrowser(_env);

        var page = await browser.GetAsync("/signin-oidc?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("<h1>Sign-in did not complete</h1>", page.Html);
        Assert.Contains("<a href=\"/console/messages\">Sign in again</a>", page.Html);
        Assert.DoesNotContain("AADSTS", page.Html);
    }

    [Theory]
    [InlineData("Admin")]
    [InlineData("Analyst")]
    [InlineData("Reader")]
    public async Task EachRole_SignsIn_AndSeesTheMessagesPageUnderItsSignInName(string role)
    {
        using var browser = new ConsoleBrowser(_env);
        var user = ScannerTenant.ConsoleUser(role);

        var page = await browser.SignInAsync(user);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"{_env.BaseUrl}/console/messages", page.Url.ToString());
        Assert.Contains("<h1>Messages</h1>", page.Html);
        Assert.Contains($"{user.UserPrincipalName} ({role})", page.Html);
    }

    [Fact]
    public async Task AUserWithoutAConsoleRole_SignsIn_ButIsRefusedWith403SayingWhichRolesWould()
    {
        using var browser = new ConsoleBrowser(_env);

        var page = await browser.SignInAsync(ScannerTenant.ConsoleUser(""));

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("nobody@contoso.example", page.Html);
        Assert.Contains("Reader, Analyst, Admin", page.Html);
    }

    [Fact]
    public async Task WrongPassword_StaysOnTheProvidersPage_AndNoSessionIsMade()
    {
        using var browser = new ConsoleBrowser(_env);
        var analyst = ScannerTenant.ConsoleUser("Analyst");

        var page = await browser.SignInAsync(analyst with { Password = "not-the-password" });

        Assert.NotEqual(new Uri(_env.BaseUrl).Port, page.Url.Port);
        var again = await browser.GetAsync("/console/messages");
        Assert.Contains("name=\"password\"", again.Html);
    }

    [Fact]
    public async Task TheAdminApiKey_DoesNotOpenTheConsole()
    {
        using var browser = new ConsoleBrowser(_env);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{_env.BaseUrl}/console/messages");
        request.Headers.Add("X-Api-Key", ScannerEnvironment.AdminKey);

        var page = await browser.SendAsync(request);

        Assert.Contains("name=\"password\"", page.Html);
    }

    [Fact]
    public async Task ConsolePages_ForbidScriptsFramingAndCaching()
    {
        using var browser = new ConsoleBrowser(_env);
        await browser.SignInAsync(ScannerTenant.ConsoleUser("Reader"));

        using var response = await browser.RawAsync("/console/messages");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("script-src", csp);
        Assert.True(response.Headers.CacheControl?.NoStore, response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task SigningOut_EndsTheSession_HereAndAtTheProvider()
    {
        using var browser = new ConsoleBrowser(_env);
        var messages = await browser.SignInAsync(ScannerTenant.ConsoleUser("Analyst"));

        var signedOut = await browser.PostAsync("/console/signout", messages, new Dictionary<string, string>());

        Assert.Equal($"{_env.BaseUrl}/console/signedout", signedOut.Url.ToString());
        Assert.Contains("You are signed out", signedOut.Html);
        var again = await browser.GetAsync("/console/messages");
        Assert.Contains("name=\"password\"", again.Html);
    }

    [Fact]
    public async Task ASignOutPostWithoutTheAntiforgeryToken_IsRefused_AndTheSessionStays()
    {
        using var browser = new ConsoleBrowser(_env);
        await browser.SignInAsync(ScannerTenant.ConsoleUser("Analyst"));

        var refused = await browser.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"{_env.BaseUrl}/console/signout")
            { Content = new FormUrlEncodedContent(new Dictionary<string, string>()) });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("<h1>Messages</h1>", (await browser.GetAsync("/console/messages")).Html);
    }
}
