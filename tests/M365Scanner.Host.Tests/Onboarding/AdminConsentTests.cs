using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using M365Scanner.Core.Operations;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.AspNetCore.WebUtilities;

namespace M365Scanner.Host.Tests.Onboarding;

/// <summary>Admin consent through the emulator's adminconsent page, followed redirect by redirect as a browser does:
/// host /onboard?tenant=... → emulator /{tenant}/v2.0/adminconsent → host /onboard/callback.</summary>
public class AdminConsentTests
{
    [Fact]
    public async Task RoundTrip_RecordsTenantActive_AndSubscribesEveryUser()
    {
        await using var env = await OnboardingEnvironment.StartAsync();
        using var browser = env.Browser();

        var consentPage = await env.StartConsentAsync(browser);
        Assert.Equal(new Uri(env.Emulator.AuthorityHost, $"{env.TenantId}/v2.0/adminconsent").AbsolutePath, consentPage.AbsolutePath);
        var query = QueryHelpers.ParseQuery(consentPage.Query);
        Assert.Equal(OnboardingEnvironment.ClientId, query["client_id"].ToString());
        Assert.Equal("https://graph.microsoft.com/.default", query["scope"].ToString());
        Assert.Equal(env.BaseUrl + "/onboard/callback", query["redirect_uri"].ToString());
        var callback = await OnboardingEnvironment.ConsentAsync(browser, consentPage);
        var (status, html) = await OnboardingEnvironment.CallbackAsync(browser, callback);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Protection is starting", html);
        await WaitAsync(env, () => env.Tenants.Get(env.TenantId)?.State == TenantState.Active
                                   && env.State.Subscriptions(env.TenantId).Count == OnboardingEnvironment.Users.Length,
            "the tenant to be active with a subscription per user");
        var tenant = env.Tenants.Get(env.TenantId)!;
        Assert.Equal(["Mail.ReadWrite", "User.Read.All"], tenant.GrantedRoles.Order());
        Assert.Equal(OnboardingEnvironment.Users, env.Tenants.Mailboxes(env.TenantId));
        Assert.Equal(OnboardingEnvironment.Users, env.State.Subscriptions(env.TenantId).Select(s => s.Mailbox).Order());
        Assert.Equal(OnboardingEnvironment.Users.Length, env.Control.Subscriptions.Count);
    }

    [Fact]
    public async Task OnboardedTenant_IsScanned_ThenOffboarding_DeletesSubscriptionsAndData()
    {
        await using var env = await OnboardingEnvironment.StartAsync();
        using var browser = env.Browser();
        var callback = await OnboardingEnvironment.ConsentAsync(browser, await env.StartConsentAsync(browser));
        await OnboardingEnvironment.CallbackAsync(browser, callback);
        const string mailbox = "alice@fabrikam.example";
        await WaitAsync(env, () => env.State.Subscriptions(env.TenantId).Count == OnboardingEnvironment.Users.Length
                                   && env.State.GetDeltaLink(env.TenantId, mailbox, "inbox") is not null, "protection of every mailbox");
        env.Control.Deliver(env.TenantId, mailbox, Mime.Message("anna@partner.example", mailbox, "Hello", "Hello Alice", DateTimeOffset.UtcNow,
            messageId: "onboarded-1@partner.example"));
        await WaitAsync(env, () => env.Verdicts.Get(new MessageKey(env.TenantId, mailbox, "onboarded-1@partner.example")) is not null,
            "a verdict for a message delivered to an onboarded mailbox");
        using var admin = env.AdminClient();

        using var offboard = await admin.PostAsync($"/api/admin/tenants/{env.TenantId}/offboard", null);

        Assert.Equal(HttpStatusCode.Accepted, offboard.StatusCode);
        await WaitAsync(env, () => env.Tenants.Get(env.TenantId)?.State == TenantState.Offboarded, "the tenant to be offboarded");
        Assert.Empty(env.Control.Subscriptions);
        Assert.Empty(env.State.Subscriptions(env.TenantId));
        Assert.Null(env.State.GetDeltaLink(env.TenantId, mailbox, "inbox"));
        Assert.Empty(env.Verdicts.Query(new VerdictQuery(env.TenantId, null, null, null, 10)));
        Assert.Empty(env.Tenants.Mailboxes(env.TenantId));
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/admin/tenants");
        Assert.Equal("offboarded", Assert.Single(listed.EnumerateArray()).GetProperty("state").GetString());
        using var unknown = await admin.PostAsync($"/api/admin/tenants/{Guid.NewGuid()}/offboard", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Callback_Rejects_ForgedState_AndRecordsNothing()
    {
        await using var env = await OnboardingEnvironment.StartAsync();
        using var browser = env.Browser();
        var callback = await OnboardingEnvironment.ConsentAsync(browser, await env.StartConsentAsync(browser));

        var (status, html) = await OnboardingEnvironment.CallbackAsync(browser, WithState(callback, "forged-state-value"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("unknown or was already used", html);
        Assert.Empty(env.Tenants.All());
    }

    [Fact]
    public async Task Callback_Rejects_ReplayedState()
    {
        await using var env = await OnboardingEnvironment.StartAsync();
        using var browser = env.Browser();
        var callback = await OnboardingEnvironment.ConsentAsync(browser, await env.StartConsentAsync(browser));
        Assert.Equal(HttpStatusCode.OK, (await OnboardingEnvironment.CallbackAsync(browser, callback)).Status);
        var recorded = env.Tenants.Get(env.TenantId)!;

        var (status, html) = await OnboardingEnvironment.CallbackAsync(browser, callback);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("unknown or was already used", html);
        Assert.Equal(recorded.ConsentedAt, Assert.Single(env.Tenants.All()).ConsentedAt);
    }

    [Fact]
    public async Task Callback_Rejects_ExpiredState_AndRecordsNothing()
    {
        await using var env = await OnboardingEnvironment.StartAsync();
        using var browser = env.Browser();
        var consentPage = await env.StartConsentAsync(browser);
        env.Clock.Advance(TimeSpan.FromMinutes(11));
        var callback = await OnboardingEnvironment.ConsentAsync(browser, consentPage);

        var (status, html) = await OnboardingEnvironment.CallbackAsync(browser, callback);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("expired", html);
        Assert.Empty(env.Tenants.All());
    }

    [Fact]
    public async Task Callback_Rejects_MissingCookie_AndRecordsNothing()
    {
        await using var env = await OnboardingEnvironment.StartAsync();
        using var browser = env.Browser();
        var callback = await OnboardingEnvironment.ConsentAsync(browser, await env.StartConsentAsync(browser));
        using var otherBrowser = env.Browser();

        var (status, html) = await OnboardingEnvironment.CallbackAsync(otherBrowser, callback);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("another browser", html);
        Assert.Empty(env.Tenants.All());
    }

    [Fact]
    public async Task Callback_Rejects_StateOfAnotherBrowser_AndRecordsNothing()
    {
        await using var env = await OnboardingEnvironment.StartAsync();
        using var victim = env.Browser();
        using var attacker = env.Browser();
        await env.StartConsentAsync(victim);
        var attackersCallback = await OnboardingEnvironment.ConsentAsync(attacker, await env.StartConsentAsync(attacker));

        var (status, html) = await OnboardingEnvironment.CallbackAsync(victim, attackersCallback);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("another browser", html);
        Assert.Empty(env.Tenants.All());
    }

    [Fact]
    public async Task Callback_ShowsDeniedConsent_AndRecordsNothing()
    {
        await using var env = await OnboardingEnvironment.StartAsync();
        env.Control.SetConsentError(env.TenantId, "access_denied");
        using var browser = env.Browser();
        var callback = await OnboardingEnvironment.ConsentAsync(browser, await env.StartConsentAsync(browser));

        var (status, html) = await OnboardingEnvironment.CallbackAsync(browser, callback);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Consent was not granted", html);
        Assert.Contains("access_denied", html);
        Assert.Contains("AADSTS65004", html);
        Assert.Empty(env.Tenants.All());
    }

    [Fact]
    public async Task Callback_HtmlEncodesTheErrorItShows()
    {
        await using var env = await OnboardingEnvironment.StartAsync();
        using var browser = env.Browser();
        var consentPage = await env.StartConsentAsync(browser);
        var state = QueryHelpers.ParseQuery(consentPage.Query)["state"].ToString();
        var callback = QueryHelpers.AddQueryString(env.BaseUrl + "/onboard/callback", new Dictionary<string, string?>
        {
            ["error"] = "<script>alert(1)</script>", ["error_description"] = "<img src=x onerror=alert(2)>", ["state"] = state,
        });

        var (status, html) = await OnboardingEnvironment.CallbackAsync(browser, new Uri(callback));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public async Task Callback_ShowsMissingRole_AndMarksTenantConsentFailed()
    {
        await using var env = await OnboardingEnvironment.StartAsync(requestedRoles: ["Mail.ReadWrite"]);
        using var browser = env.Browser();
        var callback = await OnboardingEnvironment.ConsentAsync(browser, await env.StartConsentAsync(browser));

        var (status, html) = await OnboardingEnvironment.CallbackAsync(browser, callback);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("A permission is missing", html);
        Assert.Contains("User.Read.All", html);
        var tenant = Assert.Single(env.Tenants.All());
        Assert.Equal(TenantState.ConsentFailed, tenant.State);
        Assert.Equal(["Mail.ReadWrite"], tenant.GrantedRoles);
        Assert.Contains("User.Read.All", tenant.Problem);
        Assert.Empty(env.Tenants.Mailboxes(env.TenantId));
        Assert.Empty(env.Control.Subscriptions);
    }

    private static Uri WithState(Uri callback, string state)
    {
        var query = QueryHelpers.ParseQuery(callback.Query).ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
        query["state"] = state;
        return new Uri(QueryHelpers.AddQueryString(callback.GetLeftPart(UriPartial.Path), query));
    }

    private static async Task WaitAsync(OnboardingEnvironment env, Func<bool> condition, string what)
    {
        try
        {
            await Eventually.True(condition, what);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; failed jobs: {env.FailedJobs()}", ex);
        }
    }
}
