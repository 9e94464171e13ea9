using System.ComponentModel.DataAnnotations;

namespace M365Scanner.Host.Alerts;

/// <summary>Outbound alerts about flagged messages (section "Alerts"), validated at start (<see cref="AlertOptionsValidation"/>).
/// With no webhook nothing is enqueued and nothing sent.</summary>
/// <remarks>The defaults retry for about a day: 30 s, doubling to a cap of an hour, 30 attempts in all.</remarks>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    public List<AlertWebhookOptions> Webhooks { get; set; } = [];

    /// <summary>Attempts an alert gets before it is marked failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 30;

    /// <summary>The wait after the first failed attempt; each later wait doubles, up to <see cref="MaxRetryDelay"/>,
    /// with up to a fifth taken off at random so that receivers coming back are not hit by every host at once.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one POST may take, connection and response included.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the outbox is read for due alerts (a new alert of this host wakes it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a host holds the alerts it took before another host may take them: longer than a batch of
    /// attempts can take, so only a host that stopped loses its alerts to another.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Alerts taken per read of the outbox.</summary>
    [Range(1, 100)]
    public int BatchSize { get; set; } = 10;
}
