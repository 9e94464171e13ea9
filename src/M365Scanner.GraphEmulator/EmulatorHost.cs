using System.Net;
using System.Security.Cryptography.X509Certificates;
using M365Scanner.GraphEmulator.Control;
using M365Scanner.GraphEmulator.Extensions;
using M365Scanner.GraphEmulator.Tls;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace M365Scanner.GraphEmulator;

/// <summary>A running emulator: real Kestrel over TLS on 127.0.0.1, serving Entra ID's token endpoint at
/// <see cref="AuthorityHost"/> and Graph at <see cref="GraphV1"/> / <see cref="GraphBeta"/>.</summary>
/// <example>
/// <code>
/// await using var emulator = await EmulatorHost.StartAsync();
/// var tenant = emulator.Control.CreateTenant();
/// var credential = new ClientSecretCredential(tenant.Id, clientId, secret, new ClientSecretCredentialOptions
/// {
///     AuthorityHost = emulator.AuthorityHost, DisableInstanceDiscovery = true,
///     Transport = new HttpClientTransport(emulator.CreateHttpHandler()),
/// });
/// </code>
/// </example>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorHost(WebApplication app, Uri baseUri, X509Certificate2 certificate)
    {
        _app = app;
        AuthorityHost = baseUri;
        GraphV1 = new Uri(baseUri, "v1.0");
        GraphBeta = new Uri(baseUri, "beta");
        Trust = new PinnedCertificate(certificate);
        Control = app.Services.GetRequiredService<EmulatorControl>();
    }

    /// <summary>https://127.0.0.1:{port}/ — the authority host for Azure.Identity and the base of the control API.</summary>
    public Uri AuthorityHost { get; }

    /// <summary>https://127.0.0.1:{port}/v1.0 — the Graph base URL for GraphServiceClient.</summary>
    public Uri GraphV1 { get; }

    /// <summary>https://127.0.0.1:{port}/beta</summary>
    public Uri GraphBeta { get; }

    /// <summary>The generated server certificate, and a way to trust exactly it.</summary>
    public PinnedCertificate Trust { get; }

    /// <summary>The control API for seeding, fault injection and read-back.</summary>
    public EmulatorControl Control { get; }

    /// <summary>A new HTTP handler that trusts only this emulator's certificate. Give each HttpClient its own.</summary>
    public HttpMessageHandler CreateHttpHandler() => Trust.CreateHandler();

    /// <summary>
    /// The "Graph" configuration section with which the product's Graph adapter talks to this emulator: endpoints, the
    /// pinned certificate (trusted exactly, never "accept all") and, when given, one tenant's app credential. One place
    /// for the demo, the tests and the load programs, so they point at the emulator the way a deployment points at Graph.
    /// </summary>
    public Dictionary<string, string?> ProductGraphSettings(string? tenantId = null, string? clientId = null, string? clientSecret = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Graph:BaseUrl"] = GraphV1.ToString().TrimEnd('/'),
            ["Graph:AuthorityHost"] = AuthorityHost.ToString(),
            ["Graph:TrustedHosts:0"] = "127.0.0.1",
            ["Graph:PinnedCertificatePem"] = Trust.ToPem(),
        };
        if (tenantId is not null)
        {
            settings["Graph:Tenants:0:TenantId"] = tenantId;
            settings["Graph:Tenants:0:ClientId"] = clientId;
            settings["Graph:Tenants:0:ClientSecret"] = clientSecret;
        }
        return settings;
    }

    /// <summary>Starts an emulator on 127.0.0.1 (port from <paramref name="options"/>, 0 = any free port).</summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">An option is out of range.</exception>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var certificate = ServerCertificate.Create();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.SetMinimumLevel(options.LogLevel);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            // Delivery of large messages through the control API and upload-session ranges; Graph routes have their own 4 MB
            // limit (RequestBodyLimitMiddleware).
            k.Limits.MaxRequestBodySize = 160 * 1024 * 1024;
            k.Listen(IPAddress.Loopback, options.Port, listen => listen.UseHttps(certificate));
        });
        builder.Services.AddGraphEmulator(options, new PinnedCertificate(certificate));
        var app = builder.Build();
        app.MapGraphEmulator();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        return new EmulatorHost(app, new Uri($"https://127.0.0.1:{port}/"), certificate);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
