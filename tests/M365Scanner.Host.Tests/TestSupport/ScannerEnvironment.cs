using M365Scanner.Core.Operations;
using M365Scanner.GraphEmulator;
using M365Scanner.GraphEmulator.Control;
using M365Scanner.Host.Scanning;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.TestSupport;

/// <summary>
/// The product as a tenant runs it, on this machine: the Graph emulator (HTTPS on 127.0.0.1) with one tenant, an app
/// registration and a protected mailbox whose history a long-trusted partner is part of; and the host (Kestrel on
/// 127.0.0.1, Hangfire in memory) configured against it through the same settings a deployment uses.
/// </summary>
public sealed class ScannerEnvironment : IAsyncDisposable
{
    public const string Mailbox = ScannerTenant.Bob;
    public const string Partner = ScannerTenant.Partner;
    public const string AdminKey = ScannerTenant.AdminKey;

    private readonly Dictionary<string, string?> _settings;

    private ScannerEnvironment(EmulatorHost emulator, WebApplication host, string tenantId, string baseUrl, Dictionary<string, string?> settings)
    {
        Emulator = emulator;
        Host = host;
        TenantId = tenantId;
        BaseUrl = baseUrl;
        _settings = settings;
    }

    public EmulatorHost Emulator { get; }
    public WebApplication Host { get; private set; }
    public string TenantId { get; }
    public string BaseUrl { get; }

    /// <summary>Every protected mailbox: <see cref="Mailbox"/> first, then the others given at start.</summary>
    public IReadOnlyList<string> Mailboxes { get; private init; } = [Mailbox];

    /// <summary>The tenant's reporting mailbox, when the environment was started with one.</summary>
    public string? ReportingMailbox { get; private init; }
    public EmulatorControl Control => Emulator.Control;
    public IVerdictStore Verdicts => Host.Services.GetRequiredService<IVerdictStore>();
    public IAuditLog Audit => Host.Services.GetRequiredService<IAuditLog>();
    public ActionFaults Faults => Host.Services.GetRequiredService<ActionFaults>();
    public ScanFaults ScanFaults => Host.Services.GetRequiredService<ScanFaults>();
    public IWorkerStateStore State() => Host.Services.GetRequiredService<IWorkerStateStore>();

    /// <param name="seed">More history to put in the mailbox before the host starts (control, tenant id).</param>
    /// <param name="settings">Settings that override or add to the defaults (e.g. "Storage:Provider" = "Sqlite" for
    /// a host that can be restarted with <see cref="RestartHostAsync"/>).</param>
    /// <param name="beforeStart">Runs on the built host's services before it starts (e.g. to set a test hook).</param>
    /// <param name="otherMailboxes">More protected mailboxes of the same tenant, each with the same partner history.</param>
    /// <param name="reportingMailbox">The tenant's reporting mailbox (Scanner:ReportingMailboxes), a user of the tenant
    /// without history, also named in Scanner:Mailboxes; the environment is ready once it is watched too.</param>
    public static async Task<ScannerEnvironment> StartAsync(string policyMode = "Enforce", Action<EmulatorControl, string>? seed = null,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceProvider>? beforeStart = null,
        IReadOnlyList<string>? otherMailboxes = null, string? reportingMailbox = null)
    {
        var emulator = await EmulatorHost.StartAsync();
        var tenant = ScannerTenant.Create(emulator, [Mailbox, .. otherMailboxes ?? []], (control, tenantId) =>
        {
            if (reportingMailbox is not null)
                control.AddUser(tenantId, reportingMailbox, "Phish reports");
            seed?.Invoke(control, tenantId);
        });
        var baseUrl = $"http://127.0.0.1:{ScannerTenant.FreePort()}";
        var all = tenant.Settings(baseUrl, policyMode: policyMode);
        if (reportingMailbox is not null)
        {
            all[$"Scanner:ReportingMailboxes:{tenant.TenantId}"] = reportingMailbox;
            // Listed among the protected mailboxes too, as onboarding lists every user of a tenant: it must stay unprotected.
            all[$"Scanner:Mailboxes:{tenant.Mailboxes.Count}:TenantId"] = tenant.TenantId;
            all[$"Scanner:Mailboxes:{tenant.Mailboxes.Count}:Mailbox"] = reportingMailbox;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        var host = Build(all);
        beforeStart?.Invoke(host.Services);
        await host.StartAsync();
        var environment = new ScannerEnvironment(emulator, host, tenant.TenantId, baseUrl, all)
        {
            Mailboxes = tenant.Mailboxes, ReportingMailbox = reportingMailbox,
        };
        await environment.WaitUntilProtectedAsync();
        return environment;
    }

    /// <summary>Stops the host (running jobs see their cancellation, as in a shutdown) and starts a new one on the same
    /// settings and data directory: with "Storage:Provider" = "Sqlite", what a restarted process finds.</summary>
    /// <param name="whileStopped">Runs once the old host has stopped and before the new one starts (e.g. to change what
    /// an outside party does while no host is up).</param>
    public async Task RestartHostAsync(Action? whileStopped = null)
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
        whileStopped?.Invoke();
        Host = Build(_settings);
        await Host.StartAsync();
    }

    // Each host gets fresh fault injectors, as a restarted process would: a hook set before a restart is gone after it.
    private static WebApplication Build(IEnumerable<KeyValuePair<string, string?>> settings) => ScannerApp.Build([], builder =>
    {
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddTestFaults();
    });

    /// <summary>Protection is on once the subscription exists and the delta starting point is recorded.</summary>
    private async Task WaitUntilProtectedAsync()
    {
        var state = Host.Services.GetRequiredService<IWorkerStateStore>();
        try
        {
            IReadOnlyList<string> watched = ReportingMailbox is { } reporting ? [.. Mailboxes, reporting] : Mailboxes;
            await Eventually.True(() => state.Subscriptions(TenantId).Count == watched.Count &&
                                        watched.All(m => state.GetDeltaLink(TenantId, m, "inbox") is not null), "the mailboxes to be protected");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; failed jobs: {FailedJobs()}", ex);
        }
    }

    /// <summary>Why background jobs failed, for test failure messages.</summary>
    public string FailedJobs()
    {
        var monitoring = Host.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        var failed = monitoring.FailedJobs(0, 5).Select(j => $"{j.Value.Job?.Method.Name}: {j.Value.ExceptionMessage}");
        var retries = monitoring.ScheduledJobs(0, 5).Select(j =>
        {
            var failure = monitoring.JobDetails(j.Key)?.History.FirstOrDefault(h => h.Data.ContainsKey("ExceptionMessage"));
            return $"{j.Value.Job?.Method.Name} (retrying after {failure?.Data["ExceptionType"]}: {failure?.Data["ExceptionMessage"]})";
        });
        return string.Join(" | ", failed.Concat(retries)) is { Length: > 0 } text ? text : "none";
    }

    /// <summary>A message from the long-trusted partner whose PDF carries one never-seen link (the lateral case).</summary>
    public static byte[] LateralPdfMessage(string messageId, string evilUrl, string to = Mailbox) => Mime.Message(Partner, to, "Invoice",
        "Hello Bob, the invoice is attached; minutes at https://docs.partner.example/minutes/8", DateTimeOffset.UtcNow,
        pdf: ("invoice.pdf", M365Scanner.Core.Tests.TestSupport.MinimalPdf.Build(new M365Scanner.Core.Tests.TestSupport.MinimalPage(
            ["Invoice 2024-117, see the link below"],
            [M365Scanner.Core.Tests.TestSupport.MinimalPdf.UriLink(evilUrl),
             M365Scanner.Core.Tests.TestSupport.MinimalPdf.UriLink("https://docs.partner.example/terms", "[70 700 400 720]")]))),
        messageId: messageId);

    /// <summary>An external phishing message, failing authentication as Exchange would record it.</summary>
    public static byte[] ExternalPhish(string messageId, string to = Mailbox) => Mime.Message("security@micros0ft-support.xyz", to,
        "Password expires today",
        "Keep your password: http://203.0.113.50/office365/signin/verify-account.php?id=8f3kQ2x9LmP4zT7wR1v", DateTimeOffset.UtcNow,
        messageId: messageId,
        authenticationResults: "spf=fail (sender IP is 198.51.100.9) smtp.mailfrom=micros0ft-support.xyz; dkim=none (message not signed) header.d=none;dmarc=fail action=none header.from=micros0ft-support.xyz;compauth=fail reason=000");

    /// <summary>Delivers a message as Exchange would (which fires the change notification); returns its Graph id.</summary>
    public string Deliver(byte[] mime, string mailbox = Mailbox) => Control.Deliver(TenantId, mailbox, mime, receivedAt: DateTimeOffset.UtcNow);

    public async Task<VerdictRecord> VerdictForAsync(string internetMessageId, string mailbox = Mailbox)
    {
        try
        {
            return await Eventually.Until(() => Verdicts.Get(new MessageKey(TenantId, mailbox, internetMessageId)), $"a verdict for {internetMessageId}");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; failed jobs: {FailedJobs()}", ex);
        }
    }

    /// <summary>The messages of a folder whose Message-ID is <paramref name="internetMessageId"/> (without brackets).</summary>
    public IEnumerable<SeededMessage> InFolder(string folderName, string internetMessageId, string mailbox = Mailbox) =>
        Folder(folderName, mailbox).Where(m => m.InternetMessageId?.Trim('<', '>') == internetMessageId);

    public IReadOnlyList<SeededMessage> Folder(string folderName, string mailbox = Mailbox)
    {
        var folder = Control.GetFolders(TenantId, mailbox).FirstOrDefault(f => f.DisplayName.Equals(folderName, StringComparison.OrdinalIgnoreCase));
        return folder is null ? [] : Control.GetMessages(TenantId, mailbox, folder.Id);
    }

    public HttpClient AdminClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
        await Emulator.DisposeAsync();
        TestDataDirectory.Delete(_settings.GetValueOrDefault("Scanner:DataDirectory"));
    }
}
