using System.ComponentModel.DataAnnotations;

namespace M365Scanner.GraphEmulator;

/// <summary>How an emulator instance behaves. Every value has a default that suits tests on loopback.</summary>
public sealed class EmulatorOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 lets the operating system choose a free one (what tests want).</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>Lifetime of issued access tokens. Entra ID issues 60-90 minutes; expires_in reports this value.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>Clock skew tolerated when Graph checks token lifetime (Entra ID resources tolerate 5 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan TokenClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest subscription lifetime accepted for Outlook messages: Graph documents 10,080 minutes (under 7 days).</summary>
    [Range(1, 100_000)]
    public int MaxMessageSubscriptionMinutes { get; set; } = 10_080;

    /// <summary>Time the subscriber has to answer the validation handshake (Graph: 10 seconds).</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00")]
    public TimeSpan ValidationTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Graph lets http (not https) notification URLs through only here, and only for loopback hosts,
    /// so tests can run a plain receiver. Real Graph always requires https.</summary>
    public bool AllowHttpLoopbackNotificationUrls { get; set; } = true;

    [Required]
    public NotificationDeliveryOptions Notifications { get; set; } = new();

    [Required]
    public ThrottlingOptions Throttling { get; set; } = new();

    /// <summary>How often expired subscriptions are removed (and subscriptionRemoved sent).</summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "01:00:00")]
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Minimum level of the emulator's own log (Warning keeps test output quiet).</summary>
    public LogLevel LogLevel { get; set; } = LogLevel.Warning;
}

/// <summary>How change and lifecycle notifications are sent to subscribers.</summary>
public sealed class NotificationDeliveryOptions
{
    /// <summary>Changes that happen within this window are sent to the same URL in one value array, like Graph does.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Most notifications in one POST.</summary>
    [Range(1, 1000)]
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>A POST that has not answered within this is a failure (Graph expects an answer within 3 seconds).</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00")]
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>First retry delay after a failed POST; doubles each time up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.01", "01:00:00")]
    public TimeSpan InitialRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.01", "04:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Give up on a notification after this long (Graph retries for up to 4 hours).</summary>
    [Range(typeof(TimeSpan), "00:00:00.01", "1.00:00:00")]
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(4);
}

/// <summary>Graph's published Outlook service limits, evaluated per app and mailbox.</summary>
public sealed class ThrottlingOptions
{
    public bool Enabled { get; set; }

    /// <summary>Requests per app per mailbox per window (Outlook: 10,000 per 10 minutes).</summary>
    [Range(1, int.MaxValue)]
    public int RequestsPerWindow { get; set; } = 10_000;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Concurrent requests per app per mailbox (Outlook: 4).</summary>
    [Range(1, 1000)]
    public int ConcurrentRequestsPerMailbox { get; set; } = 4;

    /// <summary>Retry-After sent when the concurrency limit is hit.</summary>
    [Range(1, 3600)]
    public int ConcurrencyRetryAfterSeconds { get; set; } = 1;
}
