using System.ComponentModel.DataAnnotations;

namespace M365Scanner.Host;

/// <summary>The hosted worker's settings (section "Scanner" of appsettings.json), validated at start.</summary>
public sealed class ScannerHostOptions
{
    public const string Section = "Scanner";

    /// <summary>The public HTTPS base URL Graph posts notifications to and users open blocked links at.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "https://localhost:5001";

    /// <summary>Where the SQLite stores and Hangfire's SQLite file live (Storage:Provider = Sqlite).</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Hangfire workers in this process.</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = 4;

    /// <summary>How long a new or renewed subscription lives. Graph's documented maximum for Outlook messages is
    /// 10,080 minutes (7 days); a little less leaves room for clock skew.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "6.23:59:00")]
    public TimeSpan SubscriptionLifetime { get; set; } = TimeSpan.FromDays(6.9);

    /// <summary>Renew a subscription once it has less than this left.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "6.00:00:00")]
    public TimeSpan RenewBefore { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Cron schedule of the delta catch-up of every monitored mailbox.</summary>
    [Required]
    public string CatchUpCron { get; set; } = "*/15 * * * *";

    /// <summary>Days of Sent Items and Inbox history a mailbox's baseline learns.</summary>
    [Range(1, 3650)]
    public int BaselineDays { get; set; } = 90;

    /// <summary>Scan attempts a message gets before it is poison: counted as each attempt starts, so an attempt whose
    /// host process died counts, and one that ended with a transient Graph or network error does not. The next attempt
    /// after the last is not made: the message gets a fail-safe verdict (quarantine under Enforce), is marked poison
    /// and listed by <c>GET /api/admin/poison</c>. At most the scan job's Hangfire retries
    /// (<see cref="ScanRetries"/>), so a message that throws every time is still reached by the attempt that
    /// contains it.</summary>
    [Range(1, ScanRetries)]
    public int MaxScanAttempts { get; set; } = 3;

    /// <summary>Hangfire's retries of a failed scan (<see cref="Scanning.ScanMessageJob.Retries"/>). Here, with the
    /// bound it sets on <see cref="MaxScanAttempts"/>, so these options need nothing from the scan path.</summary>
    public const int ScanRetries = 8;

    /// <summary>Key that signs blocked-link tokens (base64, ≥ 32 bytes), and from which the keys of consent states and of
    /// the scanner's own-message markers are derived. When empty a random key is made at start, and blocked links issued
    /// before a restart can no longer show their reasons. Checked at start.</summary>
    [SigningKey("Scanner:BlockedLinkSigningKey")]
    public string? BlockedLinkSigningKey { get; set; }

    /// <summary>Embedded demo mode: requests over a loopback connection that name a loopback host (localhost,
    /// 127.0.0.1, [::1]) may use the dashboard and the admin API without a key, and no other host name is served.</summary>
    public bool DemoMode { get; set; }

    /// <summary>Host names the host answers to besides the one of <see cref="PublicBaseUrl"/> and the loopback names
    /// (e.g. a second DNS name of the load balancer). Names only, no port or scheme; a request naming any other host is
    /// refused with 400, which is what defeats DNS rebinding. Not allowed in demo mode.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>The names users know their organisation by, per tenant id (e.g. <c>Scanner:OrganisationNames:contoso.example
    /// = Contoso</c>): the blocked-link page names it. A tenant without one is named by the mailbox's domain.</summary>
    public Dictionary<string, string> OrganisationNames { get; set; } = [];

    /// <summary>Each tenant's reporting mailbox, per tenant id (e.g. <c>Scanner:ReportingMailboxes:&lt;tenant id&gt; =
    /// phish-report@contoso.com</c>): where users send the messages they report as phishing (Microsoft's user-reported
    /// settings can point there). It is watched, but never protected: its mail is taken in as reports, never scanned,
    /// acted on or learned from, and no hunt reads it (docs/REPORTING.md).</summary>
    public Dictionary<string, string> ReportingMailboxes { get; set; } = [];

    /// <summary>The mailboxes to protect, per tenant (onboarding adds tenants at run time as well).</summary>
    public List<MonitoredMailbox> Mailboxes { get; set; } = [];

    /// <summary>API keys for the dashboard and the admin API.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];
}

/// <summary>One mailbox to protect.</summary>
public sealed class MonitoredMailbox
{
    [Required] public string TenantId { get; set; } = "";
    [Required] public string Mailbox { get; set; } = "";
}

/// <summary>A named API key with a role ("Admin" may act; "Viewer" may only look).</summary>
public sealed class ApiKeyOptions
{
    [Required] public string Name { get; set; } = "";
    [Required, MinLength(24)] public string Key { get; set; } = "";
    [RegularExpression("^(Admin|Viewer)$")] public string Role { get; set; } = "Viewer";

    public override string ToString() => $"{Name} ({Role})";
}
