using System.Net;
using System.Net.Sockets;
using M365Scanner.Core.Operations;
using M365Scanner.GraphEmulator;
using M365Scanner.GraphEmulator.Control;
using M365Scanner.GraphEmulator.Directory;
using M365Scanner.Host.Onboarding;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.Onboarding;

/// <summary>
/// A customer tenant that has never seen the product (three users with mailboxes, the multi-tenant app registered but
/// nothing granted), and a host with onboarding configured and no tenant of its own: everything it will protect
/// must come through admin consent.
/// </summary>
public sealed class OnboardingEnvironment : IAsyncDisposable
{
    public const string ClientId = "5f6b7d1e-0c3a-4e8b-9a51-3b2f4c6d8e90";
    public const string AdminKey = "onboarding-admin-key-0123456789";
    private const string Secret = "multi-tenant-app-secret";
    public static readonly string[] Users = ["alice@fabrikam.example", "carol@fabrikam.example", "dave@fabrikam.example"];

    private OnboardingEnvironment(EmulatorHost emulator, WebApplication host, Tenant tenant, string baseUrl, ManualClock clock, string dataDirectory)
    {
        _dataDirectory = dataDirectory;
        Emulator = emulator;
        Host = host;
        Tenant = tenant;
        BaseUrl = baseUrl;
        Clock = clock;
    }

    private readonly string _dataDirectory;

    public EmulatorHost Emulator { get; }
    public WebApplication Host { get; }
    public Tenant Tenant { get; }
    public string TenantId => Tenant.Id;
    public string BaseUrl { get; }
    public ManualClock Clock { get; }
    public EmulatorControl Control => Emulator.Control;
    public ITenantStore Tenants => Host.Services.GetRequiredService<ITenantStore>();
    public IWorkerStateStore State => Host.Services.GetRequiredService<IWorkerStateStore>();
    public IVerdictStore Verdicts => Host.Services.GetRequiredService<IVerdictStore>();
    public M365Scanner.Host.Onboarding.UsedConsentStates UsedStates => Host.Services.GetRequiredService<M365Scanner.Host.Onboarding.UsedConsentStates>();

    /// <param name="requestedRoles">What the app registration asks for (what consent grants).</param>
    public static async Task<OnboardingEnvironment> StartAsync(string[]? requestedRoles = null)
    {
        var emulator = await EmulatorHost.StartAsync();
        var tenant = emulator.Control.CreateTenant(domain: "fabrikam.example");
        foreach (var user in Users)
            emulator.Control.AddUser(tenant.Id, user);

        var baseUrl = $"http://127.0.0.1:{FreePort()}";
        emulator.Control.RegisterApp(tenant.Id, ClientId, Secret, requestedRoles: requestedRoles ?? ["Mail.ReadWrite", "User.Read.All"],
            redirectUris: [baseUrl + "/onboard/callback"]);
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = baseUrl,
            ["Scanner:PublicBaseUrl"] = baseUrl,
            ["Storage:Provider"] = "InMemory",
            ["Scanner:DataDirectory"] = TestDataDirectory.New(),
            ["Scanner:ApiKeys:0:Name"] = "test admin",
            ["Scanner:ApiKeys:0:Key"] = AdminKey,
            ["Scanner:ApiKeys:0:Role"] = "Admin",
            ["Onboarding:ClientId"] = ClientId,
            ["Onboarding:ClientSecret"] = Secret,
        };
        foreach (var (key, value) in emulator.ProductGraphSettings())
            settings[key] = value;
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var host = ScannerApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.AddSingleton<TimeProvider>(clock);
        });
        await host.StartAsync();
        return new OnboardingEnvironment(emulator, host, tenant, baseUrl, clock, settings["Scanner:DataDirectory"]!);
    }

    /// <summary>A browser: keeps cookies, trusts the emulator's certificate, and does not follow redirects (the test
    /// follows them one by one).</summary>
    public HttpClient Browser(CookieContainer? cookies = null) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = true,
        CookieContainer = cookies ?? new CookieContainer(),
        SslOptions = { RemoteCertificateValidationCallback = Emulator.Trust.Validate },
    });

    /// <summary>Opens /onboard for <paramref name="tenant"/> (default: the customer tenant's id), as its form does;
    /// returns where it sends the browser (the admin-consent page).</summary>
    public async Task<Uri> StartConsentAsync(HttpClient browser, string? tenant = null)
    {
        using var response = await browser.GetAsync(BaseUrl + "/onboard?tenant=" + Uri.EscapeDataString(tenant ?? TenantId));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>Opens the admin-consent page as the tenant's admin; returns where Entra ID sends the browser back.</summary>
    public static async Task<Uri> ConsentAsync(HttpClient browser, Uri adminConsentPage)
    {
        using var response = await browser.GetAsync(adminConsentPage);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>Opens the callback; returns the status and the page.</summary>
    public static async Task<(HttpStatusCode Status, string Html)> CallbackAsync(HttpClient browser, Uri callback)
    {
        using var response = await browser.GetAsync(callback);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The callback a forger types by hand: consent "granted" for <paramref name="tenant"/> under a state
    /// taken from a genuine /onboard.</summary>
    public Uri ForgedCallback(string state, string tenant) => new(QueryHelpers.AddQueryString(BaseUrl + "/onboard/callback",
        new Dictionary<string, string?> { ["admin_consent"] = "True", ["tenant"] = tenant, ["state"] = state }));

    /// <summary>The state an admin-consent page URL carries.</summary>
    public static string StateOf(Uri adminConsentPage) => QueryHelpers.ParseQuery(adminConsentPage.Query)["state"].ToString();

    public HttpClient AdminClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    /// <summary>Why background jobs failed, for test failure messages.</summary>
    public string FailedJobs()
    {
        var monitoring = Host.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        var failed = monitoring.FailedJobs(0, 5).Select(j => $"{j.Value.Job?.Method.Name}: {j.Value.ExceptionMessage}");
        return string.Join(" | ", failed) is { Length: > 0 } text ? text : "none";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
        await Emulator.DisposeAsync();
        TestDataDirectory.Delete(_dataDirectory);
    }
}

/// <summary>A clock that moves only when a test says so.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _lock = new();
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock) return _now;
    }

    public void Advance(TimeSpan by)
    {
        lock (_lock) _now += by;
    }
}
