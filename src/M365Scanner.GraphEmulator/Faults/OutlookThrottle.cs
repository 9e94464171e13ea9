using System.Collections.Concurrent;

namespace M365Scanner.GraphEmulator.Faults;

/// <summary>Graph's Outlook limits per app and mailbox: a request budget per window and a concurrency cap.
/// Fixed windows are a simplification of the service's sliding evaluation.</summary>
internal sealed class OutlookThrottle(ThrottlingOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string App, string Mailbox), Bucket> _buckets = new();

    public ThrottlingOptions Options { get; set; } = options;

    /// <summary>Null when admitted (call <see cref="Exit"/> afterwards); else the seconds to wait and the reason.</summary>
    public (int RetryAfterSeconds, string Message)? TryEnter(string appId, string mailboxId)
    {
        var o = Options;
        if (!o.Enabled) return null;
        var bucket = _buckets.GetOrAdd((appId, mailboxId), _ => new Bucket());
        var now = time.GetUtcNow();
        lock (bucket)
        {
            if (now - bucket.WindowStart >= o.Window)
            {
                bucket.WindowStart = now;
                bucket.Count = 0;
            }
            if (bucket.InFlight >= o.ConcurrentRequestsPerMailbox)
                return (o.ConcurrencyRetryAfterSeconds, "Application is over its MailboxConcurrency limit.");
            if (bucket.Count >= o.RequestsPerWindow)
                return ((int)Math.Ceiling((bucket.WindowStart + o.Window - now).TotalSeconds), "Application is over its resource limit.");
            bucket.Count++;
            bucket.InFlight++;
            return null;
        }
    }

    public void Exit(string appId, string mailboxId)
    {
        if (!_buckets.TryGetValue((appId, mailboxId), out var bucket)) return;
        lock (bucket) bucket.InFlight = Math.Max(0, bucket.InFlight - 1);
    }

    public void Reset() => _buckets.Clear();

    private sealed class Bucket
    {
        public DateTimeOffset WindowStart;
        public int Count;
        public int InFlight;
    }
}
