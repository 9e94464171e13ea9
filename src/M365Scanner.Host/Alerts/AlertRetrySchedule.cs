using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Alerts;

/// <summary>
/// When a failed alert is tried again: <see cref="AlertOptions.FirstRetryDelay"/> after the first failure, doubling
/// after each, capped at <see cref="AlertOptions.MaxRetryDelay"/>, with up to a fifth taken off at random (so hosts and
/// alerts that failed together do not all come back together), and never sooner than the receiver's Retry-After (itself
/// bounded by a day, as a hostile or broken receiver may ask for anything).
/// </summary>
public sealed class AlertRetrySchedule(IOptions<AlertOptions> options, Random random)
{
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromDays(1);

    /// <param name="attempts">Attempts made so far, the failed one included (1 after the first).</param>
    public TimeSpan DelayAfter(int attempts, TimeSpan? retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attempts);
        var o = options.Value;
        var doubled = o.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 40));
        var capped = Math.Min(doubled, o.MaxRetryDelay.TotalMilliseconds);
        double jitter;
        lock (random)
            jitter = random.NextDouble();
        var delay = TimeSpan.FromMilliseconds(capped * (1 - 0.2 * jitter));
        if (retryAfter is { } asked && asked > delay)
            delay = asked < LongestRetryAfter ? asked : LongestRetryAfter;
        return delay;
    }
}
