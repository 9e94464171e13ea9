using M365Scanner.GraphEmulator.Directory;
using M365Scanner.GraphEmulator.Faults;
using M365Scanner.GraphEmulator.Graph;
using M365Scanner.GraphEmulator.Identity;

namespace M365Scanner.GraphEmulator.Apis;

/// <summary>What Graph does before any handler: the bearer token must be valid for a known tenant (401
/// InvalidAuthenticationToken), the route's role must be granted (403), the user must exist in the caller's tenant
/// (404), and the Outlook throttling limits for this app and mailbox apply (429 ApplicationThrottled).</summary>
internal sealed class GraphAuthFilter(TokenService tokens, TenantDirectory directory, OutlookThrottle throttle, FaultInjector faults) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var validation = await tokens.ValidateAsync(context.Request.Headers.Authorization.FirstOrDefault());
        if (validation.Caller is not { } caller)
        {
            return new GraphError(401, "InvalidAuthenticationToken", validation.Error!)
                .WithHeader("WWW-Authenticate", "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"");
        }
        context.SetCaller(caller);

        var required = context.GetEndpoint()?.Metadata.GetMetadata<RequiredRoles>();
        if (required is not null && !caller.HasAnyRole(required.AnyOf))
            return new GraphError(403, required.DeniedCode, required.DeniedMessage);

        if (context.Request.RouteValues.TryGetValue("userId", out var raw) && raw is string userId)
        {
            EmulatedUser user;
            try { user = GraphRequest.ResolveUser(directory, caller, Uri.UnescapeDataString(userId)); }
            catch (GraphException e) { return GraphError.From(e); }
            context.SetTargetUser(user);

            if (required is { IsOutlook: true } && throttle.TryEnter(caller.AppId, user.Id) is { } refused)
                return new GraphError(429, "ApplicationThrottled", refused.Message)
                    .WithHeader("Retry-After", refused.RetryAfterSeconds.ToString());
            try
            {
                await faults.DelayAsync(context);
                return await next(invocation);
            }
            finally
            {
                if (required is { IsOutlook: true }) throttle.Exit(caller.AppId, user.Id);
            }
        }
        await faults.DelayAsync(context);
        return await next(invocation);
    }
}
