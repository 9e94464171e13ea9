using System.Diagnostics.Metrics;
using M365Scanner.Core.Policy;
using M365Scanner.GraphEmulator.Faults;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.Telemetry;

/// <summary>The meter "M365Scanner" moves for a real message delivered through the emulator.</summary>
public class MetricsTests
{
    [Fact]
    public async Task DeliveredPhish_CountsNotificationScanVerdictGraphTrafficAndLatency()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        using var metrics = new RecordedMetrics(env.Host.Services.GetRequiredService<IMeterFactory>());
        // Two 429s on the way to the message: counted, and retried away by the SDK.
        env.Control.InjectFault(new FaultRule { Kind = FaultKind.TooManyRequests, Pattern = "/messages/", Method = "GET", Times = 2, RetryAfterSeconds = 1 });

        env.Deliver(ScannerEnvironment.ExternalPhish("metrics-1@phish.example"));
        Assert.Equal(MessageAction.Quarantine, (await env.VerdictForAsync("metrics-1@phish.example")).Action);

        await Eventually.True(() => metrics.Sum("m365scanner.scans.completed") == 1, "the scan to be counted");
        Assert.Equal(1, metrics.Sum("m365scanner.notifications.received"));
        Assert.Equal(1, metrics.Sum("m365scanner.verdicts", ("action", "quarantine")));
        Assert.Equal(0, metrics.Sum("m365scanner.verdicts", ("action", "allow")));
        Assert.True(metrics.Sum("m365scanner.graph.requests") >= 3, $"graph requests: {metrics.Sum("m365scanner.graph.requests")}");
        Assert.Equal(2, metrics.Sum("m365scanner.graph.throttled"));
        var latency = Assert.Single(metrics.Values("m365scanner.notification_to_action.duration"));
        Assert.InRange(latency, 0, 120);

        metrics.Observe();
        var queues = metrics.Tags("m365scanner.queue.length", "queue");
        Assert.Contains("notifications", queues);
        Assert.Contains("baselines", queues);
    }
}
