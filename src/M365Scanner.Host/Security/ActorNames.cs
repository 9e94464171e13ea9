using System.Security.Claims;

namespace M365Scanner.Host.Security;

/// <summary>The name an action is recorded under: the API key's name or the signed-in user's, one rule for every
/// state-changing endpoint, so the same person reads the same in the audit log, hunt reports, policy history and tenants.</summary>
public static class ActorNames
{
    /// <summary><see cref="ClaimsIdentity.Name"/>; for an identity without one (a sign-in whose name claim did not map),
    /// the first of preferred_username, email, the subject id or the Entra object id it has, so an action is never
    /// recorded under an empty or made-up name.</summary>
    /// <exception cref="InvalidOperationException">The user is not authenticated: no action may be recorded for nobody.</exception>
    public static string Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity is not { IsAuthenticated: true } identity)
            throw new InvalidOperationException("An anonymous request cannot act: the endpoint must require authorization.");
        if (identity.Name is { Length: > 0 } name)
            return name;
        string[] fallbacks = ["preferred_username", ClaimTypes.Email, "email", ClaimTypes.NameIdentifier, "sub", "oid"];
        return fallbacks.Select(type => user.FindFirst(type)?.Value).FirstOrDefault(v => !string.IsNullOrEmpty(v))
               ?? $"unnamed {identity.AuthenticationType ?? "authenticated"} user";
    }
}
