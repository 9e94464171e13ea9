using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using M365Scanner.Graph.Clients;
using M365Scanner.Graph.Users;
using M365Scanner.Graph.Mail;
using M365Scanner.Graph.Subscriptions;
using M365Scanner.GraphEmulator;
using M365Scanner.GraphEmulator.Directory;
using Microsoft.Extensions.Options;

namespace M365Scanner.Graph.Tests.TestSupport;

/// <summary>An emulator with two tenants (one app with a client secret, one with a certificate) and the adapter
/// configured the way production is, only pointed at the emulator: base URL, authority, trusted host, pinned PEM.</summary>
public sealed class GraphFixture : IAsyncLifetime
{
    public const string Secret = "graph-adapter-test-secret";
    private static readonly string[] Roles = ["Mail.ReadWrite", "User.Read.All"];
    private string? _certificateDirectory;

    public EmulatorHost Emulator { get; private set; } = null!;
    public Tenant Tenant { get; private set; } = null!;
    public Tenant CertificateTenant { get; private set; } = null!;
    public GraphOptions Options { get; private set; } = null!;
    public TenantGraphClients Clients { get; private set; } = null!;
    public GraphMailbox Mailbox { get; private set; } = null!;
    /// <summary>The marker every adapter class of these tests shares, as one host's do.</summary>
    public OwnMessageMarker Marker { get; } = OwnMessageMarker.OfThisProcess();
    public GraphSubscriptions Subscriptions { get; private set; } = null!;
    public InboxDelta Delta { get; private set; } = null!;
    public GraphUsers Users { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await EmulatorHost.StartAsync(new EmulatorOptions { ExpirySweepInterval = TimeSpan.FromMilliseconds(100) });
        Tenant = Emulator.Control.CreateTenant();
        var app = Emulator.Control.RegisterApp(Tenant.Id, secret: Secret, grantedRoles: Roles);
        CertificateTenant = Emulator.Control.CreateTenant();
        var (certificate, pfxPath) = CreateCertificate();
        var certApp = Emulator.Control.RegisterApp(CertificateTenant.Id, certificate: certificate, grantedRoles: Roles);
        Options = OptionsFor(Emulator,
            new TenantCredentialOptions { TenantId = Tenant.Id, ClientId = app.ClientId, ClientSecret = Secret },
            new TenantCredentialOptions { TenantId = CertificateTenant.Id, ClientId = certApp.ClientId, CertificatePath = pfxPath, CertificatePassword = "pfx-pass" });
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        Clients = new TenantGraphClients(options);
        Mailbox = new GraphMailbox(Clients, options, Marker);
        Subscriptions = new GraphSubscriptions(Clients, options);
        Delta = new InboxDelta(Clients);
        Users = new GraphUsers(Clients);
    }

    public static GraphOptions OptionsFor(EmulatorHost emulator, params TenantCredentialOptions[] tenants) => new()
    {
        BaseUrl = emulator.GraphV1.ToString(),
        AuthorityHost = emulator.AuthorityHost.ToString(),
        TrustedHosts = [emulator.GraphV1.Host],
        PinnedCertificatePem = emulator.Trust.ToPem(),
        MaxAttachmentBytes = 1024 * 1024,
        Tenants = [.. tenants],
    };

    public string NewUser(string? tenantId = null)
    {
        var name = "user" + Guid.NewGuid().ToString("N")[..8];
        return Emulator.Control.AddUser(tenantId ?? Tenant.Id, $"{name}@contoso.onmicrosoft.com", name).Id;
    }

    /// <summary>Graph requests (not token or control requests) logged since <paramref name="since"/>.</summary>
    public IReadOnlyList<M365Scanner.GraphEmulator.Faults.LoggedRequest> GraphRequests(Func<string, bool>? path = null) =>
        [.. Emulator.Control.Requests.Where(r => r.Path.StartsWith("/v1.0/", StringComparison.OrdinalIgnoreCase) && (path is null || path(r.Path)))];

    private (X509Certificate2 Public, string PfxPath) CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=m365scanner-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        _certificateDirectory = Directory.CreateTempSubdirectory("m365scanner-cert-").FullName;
        var path = Path.Combine(_certificateDirectory, "app.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "pfx-pass"));
        return (X509CertificateLoader.LoadCertificate(certificate.RawData), path);
    }

    public async Task DisposeAsync()
    {
        Clients.Dispose();
        await Emulator.DisposeAsync();
        if (_certificateDirectory is not null) Directory.Delete(_certificateDirectory, recursive: true);
    }
}
