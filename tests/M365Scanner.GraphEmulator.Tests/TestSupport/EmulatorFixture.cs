using M365Scanner.GraphEmulator.Directory;
using Microsoft.Graph;

namespace M365Scanner.GraphEmulator.Tests.TestSupport;

/// <summary>One emulator for a test class, with a tenant and an app that has the roles the scanner needs.
/// Each test adds its own users so tests do not see each other's mail.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string Secret = "test-secret-value";
    public static readonly string[] ScannerRoles = ["Mail.ReadWrite", "User.Read.All", "Mail-Advanced.ReadWrite.All"];

    public EmulatorHost Emulator { get; private set; } = null!;
    public Tenant Tenant { get; private set; } = null!;
    public AppRegistration App { get; private set; } = null!;
    public GraphServiceClient Graph { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await EmulatorHost.StartAsync(Options());
        Tenant = Emulator.Control.CreateTenant();
        App = Emulator.Control.RegisterApp(Tenant.Id, secret: Secret, grantedRoles: ScannerRoles);
        Graph = GraphClients.Create(Emulator, GraphClients.SecretCredential(Emulator, Tenant.Id, App.ClientId, Secret));
    }

    /// <summary>Short notification retry timings so failure tests finish quickly.</summary>
    public static EmulatorOptions Options() => new()
    {
        Notifications = new NotificationDeliveryOptions
        {
            InitialRetryDelay = TimeSpan.FromMilliseconds(100),
            MaxRetryDelay = TimeSpan.FromMilliseconds(400),
            GiveUpAfter = TimeSpan.FromSeconds(3),
            ResponseTimeout = TimeSpan.FromSeconds(2),
        },
        ExpirySweepInterval = TimeSpan.FromMilliseconds(100),
    };

    public EmulatedUser NewUser(string? name = null)
    {
        name ??= "user" + Guid.NewGuid().ToString("N")[..8];
        return Emulator.Control.AddUser(Tenant.Id, $"{name}@contoso.onmicrosoft.com", name);
    }

    public async Task DisposeAsync() => await Emulator.DisposeAsync();
}
