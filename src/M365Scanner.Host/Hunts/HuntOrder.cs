using M365Scanner.Core.Hunting;

namespace M365Scanner.Host.Hunts;

/// <summary>
/// A hunt request once checked: what to hunt and over how many hours, or which field is wrong and why. The admin API
/// and the console check requests here, so both accept and refuse exactly the same things in the same words.
/// </summary>
public sealed record HuntOrder(Indicator? Indicator, int Hours, string? Field, string? Problem)
{
    public const int MaxHours = 24 * 365;
    public const int MaxDays = 365;

    public bool IsValid => Problem is null;

    /// <summary>An IOC hunt: exactly one of <paramref name="domain"/>, <paramref name="url"/> and
    /// <paramref name="sender"/>; the window in hours or days, not both (neither: Scanner:IocHuntDays).</summary>
    public static HuntOrder Ioc(string? domain, string? url, string? sender, int? hours, int? days, HuntOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var given = new[] { ("domain", domain), ("url", url), ("sender", sender) }
            .Where(x => !string.IsNullOrWhiteSpace(x.Item2)).ToList();
        if (given.Count != 1)
            return Refused("indicator", "give exactly one of domain, url or sender");
        var (kind, value) = given[0];
        Indicator indicator;
        try
        {
            indicator = kind switch { "domain" => Indicator.Domain(value!), "url" => Indicator.Url(value!), _ => Indicator.Sender(value!) };
        }
        catch (FormatException e)
        {
            return Refused(kind, e.Message);
        }
        return Window(hours, days, options.IocHuntDays * 24) is { } window
            ? new HuntOrder(indicator, window, null, null)
            : Refused("window", $"hours must be 1-{MaxHours} and days 1-{MaxDays}, not both");
    }

    /// <summary>A retro-hunt over the last <paramref name="hours"/> (none: Scanner:RetroHuntHours).</summary>
    public static HuntOrder Retro(int? hours, HuntOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Window(hours, null, options.RetroHuntHours) is { } window
            ? new HuntOrder(null, window, null, null)
            : Refused("hours", $"hours must be 1-{MaxHours}");
    }

    private static int? Window(int? hours, int? days, int defaultHours) => (hours, days) switch
    {
        (null, null) => defaultHours,
        ({ } h, null) when h is >= 1 and <= MaxHours => h,
        (null, { } d) when d is >= 1 and <= MaxDays => d * 24,
        _ => null,
    };

    private static HuntOrder Refused(string field, string problem) => new(null, 0, field, problem);
}
