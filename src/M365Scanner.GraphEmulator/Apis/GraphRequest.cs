using M365Scanner.GraphEmulator.Directory;
using M365Scanner.GraphEmulator.Graph;
using M365Scanner.GraphEmulator.Identity;

namespace M365Scanner.GraphEmulator.Apis;

/// <summary>Per-request facts the auth filter established: the caller and, for /users/{id}/..., the user.</summary>
internal static class GraphRequest
{
    private const string CallerKey = "emulator.caller";
    private const string UserKey = "emulator.user";

    public static GraphCaller Caller(this HttpContext context) =>
        context.Items[CallerKey] as GraphCaller ?? throw new InvalidOperationException("Graph route without the auth filter.");

    /// <summary>The user named in the route, resolved within the caller's tenant (another tenant's user is not found, as in Graph).</summary>
    public static EmulatedUser TargetUser(this HttpContext context) =>
        context.Items[UserKey] as EmulatedUser ?? throw new InvalidOperationException("Route has no {userId}.");

    internal static void SetCaller(this HttpContext context, GraphCaller caller) => context.Items[CallerKey] = caller;

    internal static void SetTargetUser(this HttpContext context, EmulatedUser user) => context.Items[UserKey] = user;

    public static EmulatedUser ResolveUser(TenantDirectory directory, GraphCaller caller, string idOrUpn) =>
        directory.Get(caller.TenantId).FindUser(idOrUpn) ?? throw GraphException.UserNotFound(idOrUpn);
}
