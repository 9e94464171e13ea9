using System.Diagnostics;
using M365Scanner.Host.Load;

// Measures the hosted worker against the Graph emulator on this machine, on 127.0.0.1 only, bounded in time and count:
// webhook response time, notification-to-action latency at sustained delivery rates, Graph requests per message.
// dotnet run -c Release --project tests/M365Scanner.Host.Load -- --rate 5,20 --seconds 30 --storage Sqlite
var settings = LoadSettings.Parse(args);
Console.WriteLine($"Host load: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {settings}; {LoadAverage()}");

await using var env = await LoadEnvironment.StartAsync(settings);
Console.WriteLine($"Protected {env.Mailboxes.Length} mailboxes (subscriptions, delta starting points, baselines done); {LoadAverage()}");

// Idle cost: CPU the whole process (host, Hangfire's polling, emulator) uses over 10 s with nothing delivered.
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
await Task.Delay(TimeSpan.FromSeconds(10));
Console.WriteLine($"Idle: {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / 10:F1} ms CPU per second");

var offset = 0;
foreach (var rate in settings.Rates)
{
    var phase = $"deliver {rate}/s";
    env.Webhook.Phase = phase;
    env.Control.ClearRequests();
    var result = await DeliveryPhase.RunAsync(env, rate, settings.Duration, settings.DrainTimeout, offset);
    offset += result.Messages.Count;
    Report.Phase(result, env.Webhook.For(phase), env.Control.Requests, LoadAverage());
}

if (settings.DirectPosts > 0)
{
    const string phase = "direct";
    env.Webhook.Phase = "direct warm-up";
    var (clientSide, errors, elapsed) = await DirectWebhookPhase.RunAsync(env, phase, settings.DirectPosts, settings.DirectConcurrency, settings.DirectBatch);
    Report.Direct(clientSide, errors, elapsed, settings.DirectConcurrency, settings.DirectBatch, env.Webhook.For(phase), LoadAverage());
    var drainDeadline = DateTime.UtcNow + settings.DrainTimeout;
    while (env.PendingJobs() > 0 && DateTime.UtcNow < drainDeadline) await Task.Delay(200);
    Console.WriteLine($"  scan jobs of the direct POSTs left after drain: {env.PendingJobs()}");
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load average unknown";
