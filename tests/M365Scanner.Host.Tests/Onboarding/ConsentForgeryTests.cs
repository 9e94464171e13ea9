using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using M365Scanner.Core.Operations;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.AspNetCore.WebUtilities;

namespace M365Scanner.Host.Tests.Onboarding;

/// <summary>What a forger can do with an anonymous /onboard and a hand-typed callback, and what an admin must do to
/// bring an offboarded tenant back. Each refusal also asserts that the stores did not change.</summary>
public class ConsentForgeryTests
{
    [Fact]
    public async Task Start_WithoutTenant_AsksForIt_AndIssuesNothing()
    {
        await using var env = await OnboardingEnvironment.StartAsync();
        using var browser = env.Browser();

        using var response = await browser.GetAsync(env.BaseUrl + "/onboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<form method=\"get\" action=\"/onboard\">", html);
        Assert.Contains("name=\"tenant\"", html);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Empty(env.Tenants.All());
    }

    [Theory]
    [InlineData("organizations")]
    [InlineData("common")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("not a domain.example")]
    public async Task Start_RefusesWhatIsNotOneTenant_AndIssuesNoState(string tenant)
    {
        await using var env = await OnboardingEnvironment.StartAsync();
        using var browser = env.Browser();

        using var response = await browser.GetAsync(env.BaseUrl + "/onboard?tenant=" + Uri.EscapeDataString(tenant));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("neither a tenant ID nor a domain name", html);
        Assert.DoesNotContain("<script>", html);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Start_ThousandsOfAnonymousCalls_StoreNothing()
    {
        await using var env = await OnboardingEnvironment.StartAsync();
        using var browser = env.Browser();

        for (var i = 0; i < 2_000; i++)
            await env.StartConsentAsync(browser, Guid.NewGuid().ToString());

        Assert.Empty(env.Tenants.All());
        Assert.Equal(0, env.UsedStates.Count);
    }

    [Fact]
    public async Task RoundTrip_ByVerifiedDomain_SendsTheAdminToThatTenant_AndOnboardsIt()
    {
        await using var env = await OnboardingEnvironment.StartAsync();
        using var browser = env.Browser();

        var consentPage = await env.StartConsentAsync(browser, "Fabrikam.Example");

        Assert.Equal(new Uri(env.Emulator.AuthorityHost, "fabrikam.example/v2.0/adminconsent").AbsolutePath, consentPage.AbsolutePath);
        var (status, html) = await OnboardingEnvironment.CallbackAsync(browser, await OnboardingEnvironment.ConsentAsync(browser, consentPage));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Protection is starting", html);
        await Eventually.True(() => env.Tenants.Get(env.TenantId)?.State == TenantState.Active, "the tenant to be active");
    }

    [Fact]
    public async Task Callback_RefusesAnotherTenantThanAsked_EvenOneThatConsented_AndRecordsNothing()
    {
        await using var env = await OnboardingEnvironment.StartAsync();
        // A second organization where the app is consented: only the binding of the state to the tenant asked stops
        // a forger from onboarding it with a state issued for the first.
        var other = env.Control.CreateTenant(domain: "contoso.example");
        env.Control.RegisterApp(other.Id, OnboardingEnvironment.ClientId, "multi-tenant-app-secret", grantedRoles: ["Mail.ReadWrite", "User.Read.All"]);
        env.Control.AddUser(other.Id, "eve@contoso.example");
        using var browser = env.Browser();
        var state = OnboardingEnvironment.StateOf(await env.StartConsentAsync(browser));

        var (status, html) = await OnboardingEnvironment.CallbackAsync(browser, env.ForgedCallback(state, other.Id));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("another organization", html);
        Assert.Empty(env.Tenants.All());
        Assert.Empty(env.Tenants.Mailboxes(other.Id));
    }

    [Fact]
    public async Task Callback_RefusesAnotherTenantThanTheAskedDomain_AndRecordsNothing()
    {
        await using var env = await OnboardingEnvironment.StartAsync();
        var other = env.Control.CreateTenant(domain: "contoso.example");
        env.Control.RegisterApp(other.Id, OnboardingEnvironment.ClientId, "multi-tenant-app-secret", grantedRoles: ["Mail.ReadWrite", "User.Read.All"]);
        using var browser = env.Browser();
        var state = OnboardingEnvironment.StateOf(await env.StartConsentAsync(browser, "fabrikam.example"));

        var (status, html) = await OnboardingEnvironment.CallbackAsync(browser, env.ForgedCallback(state, other.Id));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("another organization", html);
        Assert.Empty(env.Tenants.All());
    }

    [Fact]
    public async Task Callback_RefusesATenantWhereNoConsentWasGiven_AndStoresNoRow()
    {
        await using var env = await OnboardingEnvironment.StartAsync();
        var random = Guid.NewGuid().ToString();
        using var browser = env.Browser();
        var state = OnboardingEnvironment.StateOf(await env.StartConsentAsync(browser, random));

        var (status, html) = await OnboardingEnvironment.CallbackAsync(browser, env.ForgedCallback(state, random));

        Assert.Equal(HttpStatusCode.BadGateway, status);
        Assert.Contains("Consent could not be verified", html);
        Assert.Contains("Nothing was recorded", html);
        Assert.Empty(env.Tenants.All());
    }

    [Fact]
    public async Task Callback_RefusesAStateWhoseTenantWasEdited()
    {
        await using var env = await OnboardingEnvironment.StartAsync();
        var other = env.Control.CreateTenant(domain: "contoso.example");
        env.Control.RegisterApp(other.Id, OnboardingEnvironment.ClientId, "multi-tenant-app-secret", grantedRoles: ["Mail.ReadWrite", "User.Read.All"]);
        using var browser = env.Browser();
        var state = OnboardingEnvironment.StateOf(await env.StartConsentAsync(browser));
        var parts = state.Split('.');
        var payload = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(parts[0])).Replace(env.TenantId, other.Id);
        Assert.Contains(other.Id, payload);
        var edited = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(payload)) + "." + parts[1];

        var (status, html) = await OnboardingEnvironment.CallbackAsync(browser, env.ForgedCallback(edited, other.Id));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("unknown or was already used", html);
        Assert.Empty(env.Tenants.All());
    }

    [Fact]
    public async Task Callback_RefusesAReplayedState_EvenWithItsCookie_AndChangesNothing()
    {
        await using var env = await OnboardingEnvironment.StartAsync(requestedRoles: ["Mail.ReadWrite"]);
        var cookies = new CookieContainer();
        using var browser = env.Browser(cookies);
        var callback = await OnboardingEnvironment.ConsentAsync(browser, await env.StartConsentAsync(browser));
        var consentCookies = cookies.GetAllCookies().ToList();
        Assert.Equal(HttpStatusCode.Forbidden, (await OnboardingEnvironment.CallbackAsync(browser, callback)).Status);
        var recorded = Assert.Single(env.Tenants.All());
        foreach (var cookie in consentCookies)
            cookies.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        env.Clock.Advance(TimeSpan.FromMinutes(1));

        var (status, html) = await OnboardingEnvironment.CallbackAsync(browser, callback);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("unknown or was already used", html);
        Assert.Equivalent(recorded, Assert.Single(env.Tenants.All()), strict: true);
    }

    [Fact]
    public async Task Callback_DoesNotReactivateAnOffboardedTenant_ThenAnAdminReadmitsIt()
    {
        await using var env = await OnboardingEnvironment.StartAsync();
        await OnboardAndOffboardAsync(env);
        var offboarded = env.Tenants.Get(env.TenantId)!;
        using var browser = env.Browser();
        // The app's consent is still in place at Microsoft (the organization did not remove it), so an app token is
        // issued: the callback alone would be enough to bring the tenant back.
        var state = OnboardingEnvironment.StateOf(await env.StartConsentAsync(browser));

        var (status, html) = await OnboardingEnvironment.CallbackAsync(browser, env.ForgedCallback(state, env.TenantId));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("re-admit", html);
        Assert.Equivalent(offboarded, env.Tenants.Get(env.TenantId), strict: true);
        Assert.Empty(env.Tenants.Mailboxes(env.TenantId));
        Assert.Empty(env.State.Subscriptions(env.TenantId));
        Assert.Empty(env.Control.Subscriptions);

        using var admin = env.AdminClient();
        using var readmit = await admin.PostAsync($"/api/admin/tenants/{env.TenantId}/readmit", null);

        Assert.Equal(HttpStatusCode.Accepted, readmit.StatusCode);
        await Eventually.True(() => env.Tenants.Get(env.TenantId)?.State == TenantState.Active
                                    && env.State.Subscriptions(env.TenantId).Count == OnboardingEnvironment.Users.Length,
            "the re-admitted tenant to be active with a subscription per user");
    }

    [Fact]
    public async Task Readmit_IsRefused_ForAnUnknownOrNotOffboardedTenant_OrWithoutAKey()
    {
        await using var env = await OnboardingEnvironment.StartAsync();
        using var browser = env.Browser();
        await OnboardingEnvironment.CallbackAsync(browser, await OnboardingEnvironment.ConsentAsync(browser, await env.StartConsentAsync(browser)));
        await Eventually.True(() => env.Tenants.Get(env.TenantId)?.State == TenantState.Active, "the tenant to be active");
        var active = env.Tenants.Get(env.TenantId);
        using var admin = env.AdminClient();
        using var anonymous = new HttpClient { BaseAddress = new Uri(env.BaseUrl) };

        using var unknown = await admin.PostAsync($"/api/admin/tenants/{Guid.NewGuid()}/readmit", null);
        using var notOffboarded = await admin.PostAsync($"/api/admin/tenants/{env.TenantId}/readmit", null);
        using var keyless = await anonymous.PostAsync($"/api/admin/tenants/{env.TenantId}/readmit", null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, notOffboarded.StatusCode);
        Assert.Contains("not offboarded", await notOffboarded.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, keyless.StatusCode);
        Assert.Equivalent(active, env.Tenants.Get(env.TenantId), strict: true);
    }

    private static async Task OnboardAndOffboardAsync(OnboardingEnvironment env)
    {
        using var browser = env.Browser();
        await OnboardingEnvironment.CallbackAsync(browser, await OnboardingEnvironment.ConsentAsync(browser, await env.StartConsentAsync(browser)));
        await Eventually.True(() => env.State.Subscriptions(env.TenantId).Count == OnboardingEnvironment.Users.Length,
            "a subscription per user");
        using var admin = env.AdminClient();
        using var offboard = await admin.PostAsync($"/api/admin/tenants/{env.TenantId}/offboard", null);
        Assert.Equal(HttpStatusCode.Accepted, offboard.StatusCode);
        await Eventually.True(() => env.Tenants.Get(env.TenantId)?.State == TenantState.Offboarded && env.Control.Subscriptions.Count == 0,
            "the tenant to be offboarded");
    }
}
