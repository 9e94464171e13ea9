using System.Diagnostics.Metrics;
using Hangfire;
using M365Scanner.Graph.Clients;
using M365Scanner.Host.Jobs;

namespace M365Scanner.Host.Telemetry;

/// <summary>
/// The host's metrics, in the meter "M365Scanner" (exported over OTLP when <c>Telemetry:OtlpEndpoint</c> is set;
/// readable with <c>dotnet-counters</c> in any case). Graph requests and 429s are counted in the Graph adapter
/// (<see cref="GraphMetrics"/>), in the same meter.
/// </summary>
public sealed class ScannerMetrics
{
    private readonly Counter<long> _notifications;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _scans;
    private readonly Counter<long> _verdicts;
    private readonly Histogram<double> _latency;

    public ScannerMetrics(IMeterFactory meters, JobStorage jobs, ILogger<ScannerMetrics> log)
    {
        var meter = meters.Create(GraphMetrics.MeterName);
        _notifications = meter.CreateCounter<long>("m365scanner.notifications.received", "{notification}",
            "Genuine change notifications accepted at the webhook (one per message)");
        _refused = meter.CreateCounter<long>("m365scanner.notifications.refused", "{notification}",
            "Notification entries refused at the webhook (tag reason: unknown subscription, clientState mismatch, tenant mismatch...)");
        _scans = meter.CreateCounter<long>("m365scanner.scans.completed", "{scan}", "Messages scanned to a recorded verdict");
        _verdicts = meter.CreateCounter<long>("m365scanner.verdicts", "{verdict}", "Verdicts by action (tag action: allow, rewrite, quarantine...)");
        _latency = meter.CreateHistogram<double>("m365scanner.notification_to_action.duration", "s",
            "From the message's delivery (its receivedDateTime) to its verdict recorded and action carried out");
        // Read when a collector asks (once per export interval), one count query per queue: cheap on every storage.
        meter.CreateObservableGauge("m365scanner.queue.length", () => QueueLengths(jobs, log), "{job}",
            "Jobs waiting in each Hangfire queue (tag queue)");
    }

    public void NotificationsReceived(int count) => _notifications.Add(count);

    public void NotificationsRefused(IReadOnlyDictionary<string, int> byReason)
    {
        foreach (var (reason, count) in byReason)
            _refused.Add(count, new KeyValuePair<string, object?>("reason", reason));
    }

    /// <param name="deliveredAt">When the message arrived in the mailbox; null when Graph did not say.</param>
    public void ScanCompleted(string action, DateTimeOffset? deliveredAt, DateTimeOffset now)
    {
        _scans.Add(1);
        _verdicts.Add(1, new KeyValuePair<string, object?>("action", action));
        // A message found late by catch-up counts its real wait too: that is what the user saw.
        if (deliveredAt is { } at && now >= at)
            _latency.Record((now - at).TotalSeconds);
    }

    private static IEnumerable<Measurement<long>> QueueLengths(JobStorage jobs, ILogger log)
    {
        try
        {
            var monitoring = jobs.GetMonitoringApi();
            return JobQueues.InPriorityOrder
                .Select(q => new Measurement<long>(monitoring.EnqueuedCount(q), new KeyValuePair<string, object?>("queue", q)))
                .ToArray();
        }
        catch (Exception e)
        {
            // A metrics read must never take the host down; /readyz reports the storage.
            log.LogDebug(e, "Could not read the queue lengths");
            return [];
        }
    }
}
