using System.Net;
using System.Net.Http.Json;
using M365Scanner.Core.Operations;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Tests.Security;

/// <summary>
/// The demo's keyless access (issue 12, item 2): a request from this machine that names this machine is an admin
/// without a key; a page that rebinds its own name to 127.0.0.1, or a proxy relaying another machine, is not.
/// </summary>
public class DemoModeAccessTests
{
    private static readonly Dictionary<string, string?> Demo = new() { ["Scanner:DemoMode"] = "true" };

    [Fact]
    public async Task Keyless_FromThisMachineByItsLoopbackNames_MayActAndOpenTheDashboard()
    {
        await using var env = await ScannerEnvironment.StartAsync(settings: Demo);
        using var http = new HttpClient { BaseAddress = new Uri(env.BaseUrl) };
        var port = new Uri(env.BaseUrl).Port;

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/hangfire")).StatusCode);
        var started = await http.PostAsJsonAsync("/api/admin/hunts", new { domain = "loopback-ip.example", act = false });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var byName = new HttpRequestMessage(HttpMethod.Post, "/api/admin/hunts") { Content = JsonContent.Create(new { domain = "localhost-name.example", act = false }) };
        byName.Headers.Host = $"localhost:{port}";
        byName.Headers.Add("Origin", $"http://localhost:{port}");
        byName.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.Accepted, (await http.SendAsync(byName)).StatusCode);
        Assert.Equal(2, Hunts(env).Recent(500).Count);
    }

    [Fact]
    public async Task Keyless_ByANonLoopbackHostName_IsRefused_AndNoHuntStarts()
    {
        await using var env = await ScannerEnvironment.StartAsync(settings: Demo);
        using var http = new HttpClient { BaseAddress = new Uri(env.BaseUrl) };
        var port = new Uri(env.BaseUrl).Port;
        var auditBefore = env.Audit.Query(env.TenantId).Count;

        // The rebinding page: its name now points at 127.0.0.1, so the connection is loopback and the origin is "same".
        foreach (var name in new[] { "rebind.attacker.example", "192.168.1.20", "127.0.0.1.nip.io" })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/hunts") { Content = JsonContent.Create(new { domain = "phish.example" }) };
            request.Headers.Host = $"{name}:{port}";
            request.Headers.Add("Origin", $"http://{name}:{port}");
            request.Headers.Add("Sec-Fetch-Site", "same-origin");
            Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(request)).StatusCode);
        }

        Assert.Empty(Hunts(env).Recent(500));
        Assert.Equal(auditBefore, env.Audit.Query(env.TenantId).Count);
    }

    [Fact]
    public async Task Keyless_RelayedByAProxyOnThisMachine_IsNotAnAdmin()
    {
        await using var env = await ScannerEnvironment.StartAsync(settings: Demo);
        using var http = new HttpClient { BaseAddress = new Uri(env.BaseUrl) };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/hunts") { Content = JsonContent.Create(new { domain = "phish.example" }) };
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(request)).StatusCode);
        Assert.Empty(Hunts(env).Recent(500));
    }

    [Fact]
    public async Task Keyless_FromAnotherSite_IsRefused_AndNoHuntStarts()
    {
        await using var env = await ScannerEnvironment.StartAsync(settings: Demo);
        using var http = new HttpClient { BaseAddress = new Uri(env.BaseUrl) };
        // No credentials at all: the demo's keyless admin is exactly what a cross-site post would ride on.
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/hunts") { Content = JsonContent.Create(new { domain = "phish.example" }) };
        request.Headers.Add("Origin", BrowserRequests.ForeignOrigin);
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(request)).StatusCode);
        Assert.Empty(Hunts(env).Recent(500));
    }

    [Theory]
    [InlineData("https://scanner.example.com", null)]
    [InlineData("http://127.0.0.1:5080", "scanner.example.com")]
    public void Start_Fails_WhenDemoModeWouldServeANonLoopbackName(string publicBaseUrl, string? allowedHost)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Scanner:DemoMode"] = "true",
            ["Scanner:PublicBaseUrl"] = publicBaseUrl,
            ["Scanner:AllowedHosts:0"] = allowedHost,
            ["Storage:Provider"] = "InMemory",
            ["Scanner:DataDirectory"] = TestDataDirectory.New(),
        };
        using var host = ScannerApp.Build([], builder => builder.Configuration.AddInMemoryCollection(settings.Where(s => s.Value is not null)));

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<ScannerHostOptions>>().Value);
        Assert.Contains("Scanner:DemoMode serves loopback host names only", error.Message);
    }

    private static IHuntStore Hunts(ScannerEnvironment env) => env.Host.Services.GetRequiredService<IHuntStore>();
}
