using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Hangfire;
using M365Scanner.Core.Operations;
using M365Scanner.GraphEmulator;
using M365Scanner.GraphEmulator.Control;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace M365Scanner.Host.Load;

/// <summary>
/// The emulator (HTTPS on 127.0.0.1) with one tenant and N mailboxes, each with six messages of history from an
/// established partner; and the host (Kestrel on 127.0.0.1) configured against it the way the end-to-end tests'
/// ScannerEnvironment does, with Hangfire and the stores on SQLite files (the embedded default) or in memory.
/// </summary>
internal sealed class LoadEnvironment : ILoadTarget
{
    private const string Secret = "load-client-secret";
    private readonly string _dataDirectory;

    private LoadEnvironment(EmulatorHost emulator, WebApplication host, string tenantId, string baseUrl, string[] mailboxes,
        WebhookTimings webhook, string dataDirectory)
    {
        Emulator = emulator;
        Host = host;
        TenantId = tenantId;
        BaseUrl = baseUrl;
        Mailboxes = mailboxes;
        Webhook = webhook;
        _dataDirectory = dataDirectory;
    }

    public EmulatorHost Emulator { get; }
    public WebApplication Host { get; }
    public string TenantId { get; }
    public string BaseUrl { get; }
    public IReadOnlyList<string> Mailboxes { get; }
    public WebhookTimings Webhook { get; }
    public EmulatorControl Control => Emulator.Control;
    public IVerdictStore Verdicts => Host.Services.GetRequiredService<IVerdictStore>();
    public IAuditLog Audit => Host.Services.GetRequiredService<IAuditLog>();
    public IWorkerStateStore State => Host.Services.GetRequiredService<IWorkerStateStore>();
    public JobStorage Jobs => Host.Services.GetRequiredService<JobStorage>();

    public static async Task<LoadEnvironment> StartAsync(LoadSettings settings)
    {
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { LogLevel = LogLevel.Error });
        var tenant = emulator.Control.CreateTenant(domain: "contoso.example");
        var app = emulator.Control.RegisterApp(tenant.Id, secret: Secret, grantedRoles: ["Mail.ReadWrite", "User.Read.All"]);
        var mailboxes = Enumerable.Range(1, settings.Mailboxes).Select(i => $"user{i}@contoso.example").ToArray();
        var now = DateTimeOffset.UtcNow;
        foreach (var mailbox in mailboxes)
        {
            emulator.Control.AddUser(tenant.Id, mailbox);
            for (var i = 0; i < 6; i++)
            {
                var at = now.AddDays(-60 + i * 8);
                emulator.Control.Deliver(tenant.Id, mailbox, LoadMessages.History(mailbox, i, at), receivedAt: at);
            }
        }

        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var dataDirectory = Path.Combine(Path.GetTempPath(), "m365scanner-load-" + Guid.NewGuid().ToString("N"));
        var config = new Dictionary<string, string?>
        {
            ["Urls"] = baseUrl,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Scanner:PublicBaseUrl"] = baseUrl,
            ["Storage:Provider"] = settings.Storage,
            ["Scanner:DataDirectory"] = dataDirectory,
            ["Scanner:BlockedLinkSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Policy:Mode"] = "Enforce",
        };
        foreach (var (key, value) in emulator.ProductGraphSettings(tenant.Id, app.ClientId, Secret))
            config[key] = value;
        for (var i = 0; i < mailboxes.Length; i++)
        {
            config[$"Scanner:Mailboxes:{i}:TenantId"] = tenant.Id;
            config[$"Scanner:Mailboxes:{i}:Mailbox"] = mailboxes[i];
        }
        var webhook = new WebhookTimings();
        var host = ScannerApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.Services.AddSingleton<IStartupFilter>(webhook);
        });
        await host.StartAsync();
        var environment = new LoadEnvironment(emulator, host, tenant.Id, baseUrl, mailboxes, webhook, dataDirectory);
        await environment.WaitUntilProtectedAsync();
        return environment;
    }

    /// <summary>Every mailbox has its subscription and delta starting point, and no start-up job (baselines) is left.</summary>
    private async Task WaitUntilProtectedAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!(State.Subscriptions(TenantId).Count == Mailboxes.Count &&
                 Mailboxes.All(m => State.GetDeltaLink(TenantId, m, "inbox") is not null) &&
                 PendingJobs() == 0))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The mailboxes were not protected within 60 s ({PendingJobs()} jobs pending, " +
                                           $"{Jobs.GetMonitoringApi().FailedCount()} failed).");
            await Task.Delay(100);
        }
    }

    /// <summary>Jobs enqueued, processing or waiting for a retry.</summary>
    public long PendingJobs()
    {
        var monitoring = Jobs.GetMonitoringApi();
        var stats = monitoring.GetStatistics();
        return stats.Enqueued + stats.Processing + stats.Scheduled;
    }

    public MessageKey Key(string mailbox, string internetMessageId) => new(TenantId, mailbox, internetMessageId);

    public void BeginPhase(string phase) => Webhook.Phase = phase;

    public IReadOnlyList<(double Millis, int Status)> NotificationTimes(string phase) => Webhook.For(phase);

    public TimeSpan ProcessorTime() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

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
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
