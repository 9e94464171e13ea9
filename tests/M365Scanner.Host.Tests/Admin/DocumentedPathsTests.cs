using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using M365Scanner.Core.Operations;
using M365Scanner.Host.Tests.Security;
using M365Scanner.Host.Tests.TestSupport;

namespace M365Scanner.Host.Tests.Admin;

/// <summary>
/// Documented paths as a new user meets them (issue 18, item 4): a 401 says why, an unknown audit id is 404, a
/// retro-hunt with an empty object only reports and says so, and a hunt request without a readable body is refused
/// with a reason.
/// </summary>
public class DocumentedPathsTests(QuarantinedPhishHost fixture) : IClassFixture<QuarantinedPhishHost>
{
    private ScannerEnvironment Env => fixture.Env;

    [Fact]
    public async Task Unauthorized_SaysWhy_WithoutEchoingTheKey()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(Env.BaseUrl) };
        var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/admin/hunts") { Content = JsonContent.Create(new { domain = "x.example" }) };
        wrong.Headers.Add("X-Api-Key", "secret-looking-wrong-key-42");

        var noKey = await anonymous.PostAsJsonAsync("/api/admin/hunts", new { domain = "x.example" });
        var unknownKey = await anonymous.SendAsync(wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        var why = await noKey.Content.ReadAsStringAsync();
        Assert.StartsWith("no API key presented", why, StringComparison.Ordinal);
        Assert.Contains("X-Api-Key", why, StringComparison.Ordinal);
        Assert.Contains("Basic", why, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownKey.StatusCode);
        var reason = await unknownKey.Content.ReadAsStringAsync();
        Assert.Equal("the API key is not one of Scanner:ApiKeys", reason);
        Assert.DoesNotContain("secret-looking", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Release_Answers404_ForAnUnknownAuditId_And409WithItsReason_ForOneThatCannotBeReleased()
    {
        using var admin = Env.AdminClient();

        var unknown = await admin.PostAsync("/api/admin/release/987654321", null);
        var first = await admin.PostAsync($"/api/admin/release/{fixture.Quarantine.Id}", null);
        var again = await admin.PostAsync($"/api/admin/release/{fixture.Quarantine.Id}", null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("no audit entry 987654321", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("nothing to release", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetroHunt_WithAnEmptyObject_OnlyReports_AndSaysSo()
    {
        using var admin = Env.AdminClient();

        var response = await admin.PostAsync("/api/admin/hunts/retro", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var started = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(started.GetProperty("act").GetBoolean());
        var report = fixture.Hunts.Get(started.GetProperty("id").GetString()!);
        Assert.NotNull(report);
        Assert.False(report.Act);
    }

    [Theory]
    [InlineData("/api/admin/hunts", null, "no body")]
    [InlineData("/api/admin/hunts/retro", null, "no body")]
    [InlineData("/api/admin/hunts", "{\"domain\": ", "not a JSON object")]
    [InlineData("/api/admin/hunts/retro", "[1,2", "not a JSON object")]
    [InlineData("/api/admin/hunts/retro", "{\"hours\":\"many\"}", "not a JSON object")]
    public async Task Hunt_WithoutAReadableBody_Answers400WithAReason_AndStartsNothing(string route, string? body, string reason)
    {
        using var admin = Env.AdminClient();
        var before = fixture.Hunts.Recent(500).Count;

        var response = await admin.PostAsync(route, body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Hunts.Recent(500).Count);
    }
}
