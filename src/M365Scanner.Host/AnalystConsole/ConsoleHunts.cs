using System.Security.Claims;
using M365Scanner.Core.Operations;
using M365Scanner.Host.Hunts;

namespace M365Scanner.Host.AnalystConsole;

/// <summary>
/// Hunts started from the console: through the same <see cref="HuntLauncher"/> as the admin API, with the console as
/// their source and the signed-in user as the requester, named on the report and on every audit entry of its actions.
/// </summary>
public static class ConsoleHunts
{
    public const string Source = "console";

    public static HuntReport StartIoc(HuntLauncher launcher, HuntOrder order, string? tenantId, bool act, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        ArgumentNullException.ThrowIfNull(user);
        var indicator = order?.Indicator ?? throw new ArgumentException("not a valid IOC hunt order", nameof(order));
        return launcher.StartIoc(indicator, tenantId, order.Hours, act, HuntRequester.Person(Source, user));
    }

    public static HuntReport StartRetro(HuntLauncher launcher, HuntOrder order, string? tenantId, bool act, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(user);
        return launcher.StartRetro(tenantId, order.Hours, act, HuntRequester.Person(Source, user));
    }

    /// <summary>Who asked for a hunt and through what, as the console shows it ("alice@contoso.com (console)"); for a
    /// hunt recorded before requesters were kept, its source alone ("console", "api", "schedule", "feed").</summary>
    public static string RequestedBy(HuntReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.RequestedBy is { } who ? $"{who} ({report.Source})" : report.Source;
    }
}
