using System.Diagnostics;
using M365Scanner.Host.Load;

// Measures the hosted worker against the Graph emulator on this machine, on 127.0.0.1 only, bounded in time and count:
// webhook response time, notification-to-action latency at sustained delivery rates, scans per second, Graph requests
// per message; with one host in this process, or N host processes on PostgreSQL behind one webhook URL.
// dotnet run -c Release --project tests/M365Scanner.Host.Load -- --rate 5,20 --seconds 30 --storage Sqlite
// dotnet run -c Release --project tests/M365Scanner.Host.Load -- --hosts 2 --storage Postgres --rate 200 --seconds 10 --mailboxes 20
var settings = LoadSettings.Parse(args);
Console.WriteLine($"Host load: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {settings}; {LoadAverage()}");

await using ILoadTarget env = settings.Hosts == 0 ? await LoadEnvironment.StartAsync(settings) : await ProcessLoadEnvironment.StartAsync(settings);
Console.WriteLine($"Protected {env.Mailboxes.Count} mailboxes (subscriptions, delta starting points, baselines done); {LoadAverage()}");

// Idle cost: CPU everything under test (host(s), Hangfire's polling, emulator) uses over 10 s with nothing delivered.
var cpuBefore = env.ProcessorTime();
await Task.Delay(TimeSpan.FromSeconds(10));
Console.WriteLine($"Idle: {(env.ProcessorTime() - cpuBefore).TotalMilliseconds / 10:F1} ms CPU per second");

var offset = 0;
foreach (var rate in settings.Rates)
{
    var phase = $"deliver {rate}/s";
    env.BeginPhase(phase);
    env.Control.ClearRequests();
    var cpu = env.ProcessorTime();
    var result = await DeliveryPhase.RunAsync(env, rate, settings.Duration, settings.DrainTimeout, offset);
    offset += result.Messages.Count;
    Report.Phase(result, env.NotificationTimes(phase), env.Control.Requests, LoadAverage(), env.ProcessorTime() - cpu);
    if (env is ProcessLoadEnvironment processes)
        Console.WriteLine($"  {processes.Describe()}");
}

if (settings.DirectPosts > 0 && env is LoadEnvironment inProcess)
{
    const string phase = "direct";
    env.BeginPhase("direct warm-up");
    var (clientSide, errors, elapsed) = await DirectWebhookPhase.RunAsync(inProcess, phase, settings.DirectPosts, settings.DirectConcurrency, settings.DirectBatch);
    Report.Direct(clientSide, errors, elapsed, settings.DirectConcurrency, settings.DirectBatch, env.NotificationTimes(phase), LoadAverage());
    var drainDeadline = DateTime.UtcNow + settings.DrainTimeout;
    while (env.PendingJobs() > 0 && DateTime.UtcNow < drainDeadline) await Task.Delay(200);
    Console.WriteLine($"  scan jobs of the direct POSTs left after drain: {env.PendingJobs()}");
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load average unknown";
