using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
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
        using var metrics = new Recorded(env.Host.Services.GetRequiredService<IMeterFactory>());
        // Two 429s on the way to the message: counted, and retried away by the SDK.
        env.Control.InjectFault(new FaultRule { Kind = FaultKind.TooManyRequests, Pattern = "/messages/", Method = "GET", Times = 2, RetryAfterSeconds = 1 });

        env.Deliver(ScannerEnvironment.ExternalPhish("metrics-1@phish.example"));
        Assert.Equal("quarantine", (await env.VerdictForAsync("metrics-1@phish.example")).Action);

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

    /// <summary>Every measurement of the given host's instruments (its meter factory's), kept for the assertions.</summary>
    private sealed class Recorded : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Name, double Value, KeyValuePair<string, object?>[] Tags)> _seen = new();

        public Recorded(IMeterFactory host)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "M365Scanner" && ReferenceEquals(instrument.Meter.Scope, host))
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => _seen.Enqueue((i.Name, v, tags.ToArray())));
            _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => _seen.Enqueue((i.Name, v, tags.ToArray())));
            _listener.Start();
        }

        public void Observe() => _listener.RecordObservableInstruments();

        public double Sum(string name, (string Key, string Value)? tag = null) => _seen
            .Where(m => m.Name == name && (tag is not { } t || m.Tags.Any(kv => kv.Key == t.Key && Equals(kv.Value, t.Value))))
            .Sum(m => m.Value);

        public IReadOnlyList<double> Values(string name) => [.. _seen.Where(m => m.Name == name).Select(m => m.Value)];

        public IReadOnlyList<string?> Tags(string name, string key) =>
            [.. _seen.Where(m => m.Name == name).SelectMany(m => m.Tags).Where(kv => kv.Key == key).Select(kv => kv.Value?.ToString())];

        public void Dispose() => _listener.Dispose();
    }
}
