using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using M365Scanner.GraphEmulator;
using M365Scanner.GraphEmulator.Control;

namespace M365Scanner.Host.Tests.TestSupport;

/// <summary>
/// What every host under test is pointed at, whether it runs in the test process (ScannerEnvironment)
/// or as child processes (<see cref="MultiHostEnvironment"/>): one tenant in the emulator, an app registration with
/// the mail roles, protected mailboxes whose history a long-trusted partner is part of, and the host settings a
/// deployment would use for them.
/// </summary>
public sealed class ScannerTenant
{
    public const string Bob = "bob@contoso.example";
    public const string Partner = "anna@partner.example";
    public const string AdminKey = "test-admin-key-0123456789abcdef";
    private const string Secret = "test-client-secret";
    public const string ConsoleClientId = "c0c0c0c0-0000-4000-8000-000000000001";
    private const string ConsoleSecret = "test-console-secret";

    /// <summary>One console user per app role, plus one holding no role (signs in, may see nothing).</summary>
    public static readonly IReadOnlyList<ConsoleTestUser> ConsoleUsers =
    [
        new("admin@contoso.example", "Ada Admin", "Admin", "Admin-Test-Pass-1"),
        new("analyst@contoso.example", "Andy Analyst", "Analyst", "Analyst-Test-Pass-1"),
        new("reader@contoso.example", "Rita Reader", "Reader", "Reader-Test-Pass-1"),
        new("nobody@contoso.example", "Noah Norole", "", "Nobody-Test-Pass-1"),
    ];

    public static ConsoleTestUser ConsoleUser(string role) => ConsoleUsers.Single(u => u.Role == role);

    private readonly EmulatorHost _emulator;

    private ScannerTenant(EmulatorHost emulator, string tenantId, string clientId, IReadOnlyList<string> mailboxes)
    {
        _emulator = emulator;
        TenantId = tenantId;
        ClientId = clientId;
        Mailboxes = mailboxes;
    }

    public string TenantId { get; }
    public string ClientId { get; }
    public IReadOnlyList<string> Mailboxes { get; }

    /// <param name="seed">More history to put in the mailboxes before a host starts (control, tenant id).</param>
    public static ScannerTenant Create(EmulatorHost emulator, IReadOnlyList<string> mailboxes, Action<EmulatorControl, string>? seed = null)
    {
        var control = emulator.Control;
        var tenant = control.CreateTenant(domain: "contoso.example");
        var app = control.RegisterApp(tenant.Id, secret: Secret, grantedRoles: ["Mail.ReadWrite", "User.Read.All"]);
        foreach (var mailbox in mailboxes)
        {
            control.AddUser(tenant.Id, mailbox, mailbox == Bob ? "Bob" : null);
            SeedHistory(control, tenant.Id, mailbox);
        }
        control.RegisterApp(tenant.Id, ConsoleClientId, ConsoleSecret, redirectUris: DemoSeed.ConsoleRedirectUris);
        foreach (var user in ConsoleUsers)
            control.AddSignInUser(tenant.Id, user.UserPrincipalName, user.Password, ConsoleClientId,
                user.Role.Length == 0 ? [] : [user.Role], user.DisplayName);
        seed?.Invoke(control, tenant.Id);
        return new ScannerTenant(emulator, tenant.Id, app.ClientId, mailboxes);
    }

    /// <summary>The host settings for this tenant: every mailbox protected, an admin API key, the console signing in
    /// at the emulator, a fresh data directory
    /// and blocked-link signing key (shared by every host built from the same dictionary), Graph pointed at the
    /// emulator with its certificate pinned.</summary>
    /// <param name="baseUrl">Where the host listens (Urls).</param>
    /// <param name="publicBaseUrl">Where Graph posts notifications: the host itself, or a proxy in front of several.</param>
    public Dictionary<string, string?> Settings(string baseUrl, string? publicBaseUrl = null, string policyMode = "Enforce")
    {
        var all = new Dictionary<string, string?>
        {
            ["Urls"] = baseUrl,
            ["Scanner:PublicBaseUrl"] = publicBaseUrl ?? baseUrl,
            ["Storage:Provider"] = "InMemory",
            ["Scanner:DataDirectory"] = TestDataDirectory.New(),
            ["Scanner:BlockedLinkSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Scanner:ApiKeys:0:Name"] = "test admin",
            ["Scanner:ApiKeys:0:Key"] = AdminKey,
            ["Scanner:ApiKeys:0:Role"] = "Admin",
            ["Policy:Mode"] = policyMode,
            ["Console:Authority"] = new Uri(_emulator.AuthorityHost, $"{TenantId}/v2.0").ToString(),
            ["Console:ClientId"] = ConsoleClientId,
            ["Console:ClientSecret"] = ConsoleSecret,
        };
        foreach (var (key, value) in _emulator.ProductGraphSettings(TenantId, ClientId, Secret))
            all[key] = value;
        for (var i = 0; i < Mailboxes.Count; i++)
        {
            all[$"Scanner:Mailboxes:{i}:TenantId"] = TenantId;
            all[$"Scanner:Mailboxes:{i}:Mailbox"] = Mailboxes[i];
        }
        return all;
    }

    /// <summary>The partner wrote six times over the last two months, always linking the partner's document site.</summary>
    private static void SeedHistory(EmulatorControl control, string tenantId, string mailbox)
    {
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 6; i++)
        {
            var at = now.AddDays(-60 + i * 8);
            control.Deliver(tenantId, mailbox, Mime.Message(Partner, mailbox, $"Minutes {i}",
                $"Hello Bob, the minutes are at https://docs.partner.example/minutes/{i} as usual.", at), receivedAt: at);
        }
    }

    /// <summary>A loopback port free at the moment of asking (a host started right after takes it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
