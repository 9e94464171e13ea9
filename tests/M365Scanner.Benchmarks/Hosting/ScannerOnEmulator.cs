using System.Globalization;
using System.Net;
using System.Net.Sockets;
using M365Scanner.GraphEmulator;
using M365Scanner.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace M365Scanner.Benchmarks.Hosting;

/// <summary>The product's own host (SQLite stores, Hangfire on SQLite) pointed at an in-process emulator, monitoring
/// one mailbox, for the runners that measure what the product costs in Graph requests. Deletes its data folder when
/// disposed.</summary>
internal sealed class ScannerOnEmulator : IAsyncDisposable
{
    private readonly string _data;

    private ScannerOnEmulator(WebApplication app, string data)
    {
        App = app;
        _data = data;
    }

    public WebApplication App { get; }

    /// <summary>Builds (not starts) the host; <paramref name="settings"/> override the defaults given here.</summary>
    public static ScannerOnEmulator Build(EmulatorHost emulator, string tenantId, string clientId, string secret, string mailbox,
        IReadOnlyDictionary<string, string?> settings)
    {
        var data = Path.Combine(Path.GetTempPath(), "m365scanner-bench-" + Guid.NewGuid().ToString("N"));
        var url = $"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}";
        var all = new Dictionary<string, string?>
        {
            ["Urls"] = url,
            ["Scanner:PublicBaseUrl"] = url,
            ["Storage:Provider"] = "Sqlite",
            ["Scanner:DataDirectory"] = data,
            ["Scanner:BlockedLinkSigningKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray()),
            ["Scanner:Mailboxes:0:TenantId"] = tenantId,
            ["Scanner:Mailboxes:0:Mailbox"] = mailbox,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in emulator.ProductGraphSettings(tenantId, clientId, secret))
            all[key] = value;
        foreach (var (key, value) in settings)
            all[key] = value;
        var app = ScannerApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(all);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        return new ScannerOnEmulator(app, data);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (Directory.Exists(_data))
            Directory.Delete(_data, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
