using System.Text;
using M365Scanner.Core.Operations;
using M365Scanner.GraphEmulator;
using M365Scanner.GraphEmulator.Control;
using M365Scanner.Host.Scanning;
using M365Scanner.Storage;
using M365Scanner.Storage.Postgres;
using M365Scanner.Storage.Sqlite;
using Microsoft.Extensions.Logging;

namespace M365Scanner.Host.Tests.TestSupport;

/// <summary>
/// A deployment of one or more host instances on this machine: the Graph emulator in this process (HTTPS on
/// 127.0.0.1, certificate pinned by each host through its settings), one tenant whose mailboxes the hosts protect,
/// each host its own OS process (<see cref="HostProcess"/>) on shared durable storage, and one public webhook URL in
/// front of them (<see cref="WebhookProxy"/>). The test reads the shared stores directly (<see cref="StoreView"/>)
/// to check what the hosts did, and the emulator's folders to check what happened to the mail.
/// </summary>
public sealed class MultiHostEnvironment : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Func<StoreView> _openStores;
    private readonly List<HostProcess> _hosts = [];
    private readonly string _logDirectory;
    private StoreView? _stores;

    private MultiHostEnvironment(EmulatorHost emulator, ScannerTenant tenant, WebhookProxy proxy, Dictionary<string, string?> settings,
        Func<StoreView> openStores, string logDirectory)
    {
        Emulator = emulator;
        Tenant = tenant;
        Proxy = proxy;
        _settings = settings;
        _openStores = openStores;
        _logDirectory = logDirectory;
    }

    public EmulatorHost Emulator { get; }
    public ScannerTenant Tenant { get; }
    public WebhookProxy Proxy { get; }
    public EmulatorControl Control => Emulator.Control;
    public string TenantId => Tenant.TenantId;
    public IReadOnlyList<string> Mailboxes => Tenant.Mailboxes;
    public IReadOnlyList<HostProcess> Hosts => _hosts;

    /// <summary>The shared stores, opened from this process on first use (after a host has created them).</summary>
    public StoreView Stores => _stores ??= _openStores();

    /// <param name="hostCount">Host processes started now (more with <see cref="StartHostAsync"/>).</param>
    /// <param name="storage">Settings that put every host on the same durable storage, and how this process opens it.</param>
    /// <param name="settings">More settings for every host (override the defaults).</param>
    public static async Task<MultiHostEnvironment> StartAsync(int hostCount, int mailboxes, SharedStorage storage,
        IReadOnlyDictionary<string, string?>? settings = null, double duplicateFraction = 0, string policyMode = "Enforce")
    {
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { LogLevel = LogLevel.Error });
        var tenant = ScannerTenant.Create(emulator, Enumerable.Range(1, mailboxes).Select(i => $"user{i}@contoso.example").ToList());
        var proxy = await WebhookProxy.StartAsync([], duplicateFraction);
        var all = tenant.Settings(proxy.Url, proxy.Url, policyMode);
        all.Remove("Urls"); // each host gets its own port
        all["Logging:LogLevel:Default"] = "Warning";
        all["Logging:LogLevel:M365Scanner"] = "Information";
        all["Logging:LogLevel:M365Scanner.Host.Scanning.ScanMessageJob"] = "Debug"; // says when a scan is skipped, and why
        var dataDirectory = all["Scanner:DataDirectory"]!;
        foreach (var (key, value) in storage.Settings(dataDirectory))
            all[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            all[key] = value;
        var logDirectory = Path.Combine(Path.GetTempPath(), "m365scanner-hosts-" + Guid.NewGuid().ToString("N")[..8]);
        var environment = new MultiHostEnvironment(emulator, tenant, proxy, all, () => storage.Open(dataDirectory), logDirectory);
        try
        {
            for (var i = 0; i < hostCount; i++)
                await environment.StartHostAsync();
            await environment.WaitUntilProtectedAsync();
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts one more host process on the shared storage, behind the proxy, and waits until it is live.</summary>
    public async Task<HostProcess> StartHostAsync()
    {
        var port = ScannerTenant.FreePort();
        var settings = new Dictionary<string, string?>(_settings) { ["Urls"] = $"http://127.0.0.1:{port}" };
        var host = HostProcess.Start($"host{_hosts.Count + 1}", settings, _logDirectory);
        _hosts.Add(host);
        await host.WaitForAsync("/healthz", TimeSpan.FromSeconds(60));
        await host.WaitForAsync("/readyz", TimeSpan.FromSeconds(30)); // its store and Hangfire storage answer
        Proxy.SetBackends(_hosts.Where(h => !h.HasExited).Select(h => h.BaseUrl));
        return host;
    }

    /// <summary>Kills a host process abruptly. The proxy keeps it in its list: it must find out by itself, as a load
    /// balancer does, that the instance refuses connections.</summary>
    public Task KillAsync(HostProcess host) => host.KillAsync();

    /// <summary>Every mailbox has its subscription and its delta starting point.</summary>
    public Task WaitUntilProtectedAsync() => WithDiagnostics(() => Eventually.True(
        () => Stores.State.Subscriptions(TenantId).Count == Mailboxes.Count &&
              Mailboxes.All(m => Stores.State.GetDeltaLink(TenantId, m, "inbox") is not null),
        "every mailbox to be protected (subscription and delta starting point)", TimeSpan.FromSeconds(90)));

    /// <summary>Delivers a message as Exchange would (which fires the change notification); returns its Graph id.</summary>
    public string Deliver(string mailbox, byte[] mime) => Control.Deliver(TenantId, mailbox, mime, receivedAt: DateTimeOffset.UtcNow);

    /// <summary>The messages of a mailbox's folder (by display name), none when the folder does not exist.</summary>
    public IReadOnlyList<SeededMessage> Folder(string mailbox, string folderName)
    {
        var folder = Control.GetFolders(TenantId, mailbox).FirstOrDefault(f => f.DisplayName.Equals(folderName, StringComparison.OrdinalIgnoreCase));
        return folder is null ? [] : Control.GetMessages(TenantId, mailbox, folder.Id);
    }

    /// <summary>Runs <paramref name="wait"/>; a timeout carries every host's log tail and the proxy's counters.</summary>
    public async Task WithDiagnostics(Func<Task> wait)
    {
        try
        {
            await wait();
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n{Diagnostics()}", ex);
        }
    }

    /// <summary>The proxy's counters and the tail of every host's log.</summary>
    public string Diagnostics()
    {
        var text = new StringBuilder();
        text.AppendLine($"Proxy {Proxy.Url}: forwarded {string.Join(", ", Proxy.Forwarded.Select(f => $"{f.Key} ×{f.Value}"))}; " +
                        $"duplicated {Proxy.Duplicated}, failovers {Proxy.Failovers}, 502 {Proxy.Unavailable}");
        foreach (var host in _hosts)
            text.AppendLine(host.Tail(25));
        return text.ToString();
    }

    /// <summary>Lines of every host's log that contain <paramref name="fragment"/>, across restarts and kills.</summary>
    public IEnumerable<string> LogLines(string fragment) =>
        _hosts.SelectMany(h => ReadShared(h.LogPath).Split('\n')).Where(l => l.Contains(fragment, StringComparison.Ordinal));

    /// <summary>Whole log entries (a console entry is its header line and the indented lines after it) of every host
    /// that satisfy <paramref name="match"/>, each on one line.</summary>
    public IEnumerable<string> LogEntries(Func<string, bool> match) =>
        _hosts.SelectMany(h => Entries(ReadShared(h.LogPath)).Select(e => $"{h.Name} {e}")).Where(match);

    private static IEnumerable<string> Entries(string log)
    {
        var entry = new StringBuilder();
        foreach (var line in log.Split('\n'))
        {
            if (!line.StartsWith(' ') && entry.Length > 0)
            {
                yield return entry.ToString();
                entry.Clear();
            }
            entry.Append(entry.Length > 0 ? " | " + line.Trim() : line.TrimEnd());
        }
        if (entry.Length > 0)
            yield return entry.ToString();
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
            await host.DisposeAsync();
        _stores?.Dispose();
        await Proxy.DisposeAsync();
        await Emulator.DisposeAsync();
        // A failure message already quotes the tail of each log; M365SCANNER_KEEP_TEST_DATA=1 keeps them whole.
        TestDataDirectory.Delete(_settings.GetValueOrDefault("Scanner:DataDirectory"), _logDirectory);
    }
}

/// <summary>Durable storage several host processes share: the settings that point a host at it, and how the test
/// process opens the same stores to check what the hosts did.</summary>
public sealed record SharedStorage(string Name, Func<string, IReadOnlyDictionary<string, string?>> Settings, Func<string, StoreView> Open)
{
    /// <summary>SQLite files in the hosts' data directory (one machine; a host restarted on the same directory).</summary>
    public static SharedStorage Sqlite { get; } = new("SQLite",
        _ => new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite" },
        dataDirectory =>
        {
            var db = SqliteDatabase.OpenFile(Path.Combine(dataDirectory, "scanner.db"));
            return new StoreView(new SqliteVerdictStore(db), new SqliteAuditLog(db), new SqliteWorkerStateStore(db), db.Dispose);
        });

    /// <summary>PostgreSQL: the stores in <paramref name="schema"/> (its connection string's Search Path), Hangfire
    /// in <paramref name="jobSchema"/>, and jobs a dead host fetched visible again after
    /// <paramref name="jobInvisibility"/> (so a survivor takes them over within the test's time).</summary>
    /// <param name="lockTimeout">After how long a dead host's Hangfire locks are broken (the host's default when null).</param>
    public static SharedStorage Postgres(string connectionString, string jobSchema, TimeSpan jobInvisibility, TimeSpan? lockTimeout = null) => new("PostgreSQL",
        _ => new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:JobSchema"] = jobSchema,
            ["Storage:JobInvisibilityTimeout"] = jobInvisibility.ToString("c"),
            ["Storage:LockTimeout"] = (lockTimeout ?? new StorageOptions().LockTimeout).ToString("c"),
        },
        _ =>
        {
            var db = new PostgresDatabase(connectionString);
            return new StoreView(new PostgresVerdictStore(db), new PostgresAuditLog(db), new PostgresWorkerStateStore(db), db.Dispose);
        });

    public override string ToString() => Name;
}

/// <summary>The stores the hosts share, as this process reads them.</summary>
public sealed class StoreView(IVerdictStore verdicts, IAuditLog audit, IWorkerStateStore state, Action dispose) : IDisposable
{
    public IVerdictStore Verdicts { get; } = verdicts;
    public IAuditLog Audit { get; } = audit;
    public IWorkerStateStore State { get; } = state;

    public void Dispose() => dispose();
}
