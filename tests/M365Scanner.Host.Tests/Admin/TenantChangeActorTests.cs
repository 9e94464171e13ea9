using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using M365Scanner.Core.Operations;
using M365Scanner.Host.Onboarding;
using M365Scanner.Host.Tests.Onboarding;
using M365Scanner.Host.Tests.TestSupport;

namespace M365Scanner.Host.Tests.Admin;

/// <summary>A tenant's changes of state name who asked for them: the consent callback (anonymous: the tenant's
/// administrator consented at Microsoft), then the admin who offboarded it and the admin who re-admitted it, kept
/// through the jobs that carry the change out and shown by the admin API.</summary>
public class TenantChangeActorTests
{
    [Fact]
    public async Task TenantChanges_NameTheConsent_ThenTheApiKeyThatOffboardedAndReadmittedIt()
    {
        await using var env = await OnboardingEnvironment.StartAsync();
        using var browser = env.Browser();
        await OnboardingEnvironment.CallbackAsync(browser, await OnboardingEnvironment.ConsentAsync(browser, await env.StartConsentAsync(browser)));
        await Eventually.True(() => env.Tenants.Get(env.TenantId)?.State == TenantState.Active, "the tenant to be active");
        Assert.Equal(OnboardingApi.ConsentActor, env.Tenants.Get(env.TenantId)!.ChangedBy);
        using var admin = env.AdminClient();

        using var offboard = await admin.PostAsync($"/api/admin/tenants/{env.TenantId}/offboard", null);
        Assert.Equal(HttpStatusCode.Accepted, offboard.StatusCode);
        await Eventually.True(() => env.Tenants.Get(env.TenantId)?.State == TenantState.Offboarded, "the tenant to be offboarded");

        // The API key's configured name (OnboardingEnvironment: "test admin"), in the store and in the API's JSON.
        Assert.Equal("test admin", env.Tenants.Get(env.TenantId)!.ChangedBy);
        var listed = Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/admin/tenants")).EnumerateArray());
        Assert.Equal(("offboarded", "test admin"), (listed.GetProperty("state").GetString(), listed.GetProperty("changedBy").GetString()));

        env.Tenants.Save(env.Tenants.Get(env.TenantId)! with { ChangedBy = "someone else" });
        using var readmit = await admin.PostAsync($"/api/admin/tenants/{env.TenantId}/readmit", null);
        Assert.Equal(HttpStatusCode.Accepted, readmit.StatusCode);
        await Eventually.True(() => env.Tenants.Get(env.TenantId)?.State == TenantState.Active, "the re-admitted tenant to be active");
        Assert.Equal("test admin", env.Tenants.Get(env.TenantId)!.ChangedBy);
    }
}
