using System.Security.Claims;

namespace M365Scanner.Host.AnalystConsole;

/// <summary>Who a console action is recorded as: the signed-in user's sign-in name (Entra ID's preferred_username).</summary>
public static class ConsoleActor
{
    public static string Of(ClaimsPrincipal user) =>
        user.Identity?.Name is { Length: > 0 } name ? name : user.FindFirst("oid")?.Value ?? "unknown console user";
}
