using System.ComponentModel.DataAnnotations;

namespace M365Scanner.Host.Hunts;

/// <summary>Retro-hunt and IOC hunt settings, in the "Scanner" section beside the worker's own (validated at start).</summary>
public sealed class HuntOptions
{
    public const string Section = "Scanner";

    /// <summary>Cron schedule of the retro-hunt of every monitored mailbox (hourly by default; "0 */6 * * *" is
    /// every six hours).</summary>
    [Required]
    public string RetroHuntCron { get; set; } = "0 * * * *";

    /// <summary>How much delivered mail a retro-hunt re-scores, in hours back from its start.</summary>
    [Range(1, 24 * 90)]
    public int RetroHuntHours { get; set; } = 48;

    /// <summary>The default window of an IOC hunt (an API request may name its own), in days.</summary>
    [Range(1, 365)]
    public int IocHuntDays { get; set; } = 30;

    /// <summary>A text file of indicators, one a line ("domain:x", "url:x", "sender:x", or bare; "#" comments).
    /// Each new line is hunted once across every tenant. Unset: no feed.</summary>
    public string? IocFeedPath { get; set; }

    /// <summary>Cron schedule on which the feed file is read.</summary>
    [Required]
    public string IocFeedCron { get; set; } = "*/10 * * * *";
}
