using System.Diagnostics;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.Jobs;
using M365Scanner.Host.Scanning;

namespace M365Scanner.Host.Load;

/// <summary>One delivered message and what became of it.</summary>
internal sealed record Delivered(int Index, MessageKind Kind, string Mailbox, string InternetMessageId, string GraphId, DateTimeOffset At)
{
    public VerdictRecord? Verdict { get; set; }
    public AuditEntry? Action { get; set; }
    /// <summary>Hangfire's own figures for the scan job: enqueued → picked up, and the run itself (ms).</summary>
    public double? QueueMillis { get; set; }
    public double? RunMillis { get; set; }
}

/// <summary>
/// Delivers mail at a fixed rate for a fixed time (round-robin over the mailboxes, the kind mix of
/// <see cref="LoadMessages.KindOf"/>), as Exchange would: each delivery fires the emulator's change notification,
/// which Graph-like batching posts to the host's webhook. Then waits (bounded) until every message has its verdict
/// and every rewrite/quarantine its completed audit entry, and reads the timings back from the product's own records:
/// the verdict's ScannedAt, the audit entry's completion time, Hangfire's latency and duration of each scan job.
/// </summary>
internal static class DeliveryPhase
{
    public static async Task<PhaseResult> RunAsync(ILoadTarget env, int rate, TimeSpan duration, TimeSpan drainTimeout, int offset)
    {
        var count = (int)(rate * duration.TotalSeconds);
        var delivered = new List<Delivered>(count);
        var clock = Stopwatch.StartNew();
        var hardStop = duration + TimeSpan.FromSeconds(5);
        var lateStarts = 0;
        for (var i = 0; i < count && clock.Elapsed < hardStop; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            else if (wait < TimeSpan.FromMilliseconds(-50)) lateStarts++;
            var n = offset + i;
            var kind = LoadMessages.KindOf(n);
            // Shifted every ten messages so that every mailbox gets every kind.
            var mailbox = env.Mailboxes[(n + n / 10) % env.Mailboxes.Count];
            var messageId = $"load-{n}-{kind.ToString().ToLowerInvariant()}@partner.example";
            var mime = LoadMessages.Build(kind, mailbox, messageId, DateTimeOffset.UtcNow, n);
            var graphId = env.Control.Deliver(env.TenantId, mailbox, mime);
            delivered.Add(new Delivered(n, kind, mailbox, messageId, graphId, DateTimeOffset.UtcNow));
        }
        var deliveryTime = clock.Elapsed;

        // Backlog the moment delivery stops: messages without a verdict yet, and scan jobs still queued.
        var unscannedAtEnd = delivered.Count(d => env.Verdicts.Get(env.Key(d.Mailbox, d.InternetMessageId)) is null);
        var queuedAtEnd = env.Jobs.GetMonitoringApi().EnqueuedCount(JobQueues.Scans);

        var drainStart = clock.Elapsed;
        var drainDeadline = drainStart + drainTimeout;
        var outstanding = delivered.ToList();
        while (outstanding.Count > 0 && clock.Elapsed < drainDeadline)
        {
            outstanding.RemoveAll(d => Done(env, d));
            if (outstanding.Count > 0) await Task.Delay(100);
        }
        var drained = clock.Elapsed - drainStart;
        foreach (var d in delivered) Done(env, d);
        ReadJobTimings(env, delivered);
        return new PhaseResult(rate, delivered, deliveryTime, lateStarts, unscannedAtEnd, queuedAtEnd, outstanding.Count, drained);
    }

    /// <summary>True when the verdict is recorded and, for a rewrite or quarantine, the action's audit entry is completed.</summary>
    private static bool Done(ILoadTarget env, Delivered d)
    {
        var key = env.Key(d.Mailbox, d.InternetMessageId);
        d.Verdict ??= env.Verdicts.Get(key);
        if (d.Verdict is null) return false;
        if (d.Verdict.Action is not (MessageAction.Rewrite or MessageAction.Quarantine) || !d.Verdict.Enforced) return true;
        d.Action = env.Audit.Latest(key, AuditAction.Rewrite) ?? env.Audit.Latest(key, AuditAction.Quarantine);
        return d.Action?.State == AuditState.Completed;
    }

    /// <summary>Hangfire's figures for each message's scan job, from its Succeeded state: the latency (created →
    /// picked up by a worker) and the performance duration, both in whole milliseconds.</summary>
    private static void ReadJobTimings(ILoadTarget env, List<Delivered> delivered)
    {
        var byGraphId = delivered.ToDictionary(d => d.GraphId);
        var monitoring = env.Jobs.GetMonitoringApi();
        var total = (int)Math.Min(monitoring.SucceededListCount(), 100_000);
        for (var from = 0; from < total; from += 1000)
        {
            foreach (var (jobId, job) in monitoring.SucceededJobs(from, 1000))
            {
                if (job.Job?.Type != typeof(ScanMessageJob) || job.Job.Args.Count < 3 || job.Job.Args[2] is not string graphId ||
                    !byGraphId.TryGetValue(graphId, out var d))
                    continue;
                var details = monitoring.JobDetails(jobId);
                var succeeded = details?.History.FirstOrDefault(h => h.StateName == "Succeeded");
                if (succeeded?.Data.TryGetValue("Latency", out var latency) == true) d.QueueMillis = double.Parse(latency);
                if (succeeded?.Data.TryGetValue("PerformanceDuration", out var run) == true) d.RunMillis = double.Parse(run);
            }
        }
    }
}

/// <summary>What one delivery phase measured.</summary>
internal sealed record PhaseResult(int Rate, IReadOnlyList<Delivered> Messages, TimeSpan DeliveryTime, int LateStarts,
    int UnscannedAtEnd, long QueuedAtEnd, int NotDoneAfterDrain, TimeSpan Drain);
