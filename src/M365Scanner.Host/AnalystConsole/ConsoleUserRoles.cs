using System.Security.Claims;

namespace M365Scanner.Host.AnalystConsole;

/// <summary>Which controls a page offers the signed-in user. Only what is shown: every action is still authorized on
/// the server by the page it posts to (<see cref="ConsoleRoles.ActPolicy"/>, <see cref="ConsoleRoles.AdministerPolicy"/>).</summary>
public static class ConsoleUserRoles
{
    public static bool CanAct(this ClaimsPrincipal user) => ConsoleRoles.Actors.Any(user.IsInRole);

    public static bool CanAdminister(this ClaimsPrincipal user) => ConsoleRoles.Administrators.Any(user.IsInRole);
}
