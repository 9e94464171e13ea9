using System.Security.Claims;
using M365Scanner.Core.Operations;
using M365Scanner.Host.Hunts;

namespace M365Scanner.Host.AnalystConsole;

/// <summary>
/// Hunts started from the console: through the same <see cref="HuntLauncher"/> as the admin API, with the console as
/// their source. Who asked is the signed-in user (<see cref="ConsoleActor"/>); until hunt reports keep a requester of
/// their own, the report names the console as its source and the audit entries of its actions name the scanner.
/// </summary>
public static class ConsoleHunts
{
    public const string Source = "console";

    public static HuntReport StartIoc(HuntLauncher launcher, HuntOrder order, string? tenantId, bool act, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        ArgumentNullException.ThrowIfNull(user);
        var indicator = order?.Indicator ?? throw new ArgumentException("not a valid IOC hunt order", nameof(order));
        return launcher.StartIoc(indicator, tenantId, order.Hours, act, Source);
    }

    public static HuntReport StartRetro(HuntLauncher launcher, HuntOrder order, string? tenantId, bool act, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(user);
        return launcher.StartRetro(tenantId, order.Hours, act, Source);
    }

    /// <summary>Who asked for a hunt, as the console shows it: the source the report keeps ("console", "api",
    /// "schedule", "feed").</summary>
    public static string RequestedBy(HuntReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Source;
    }
}
