using M365Scanner.Core.Operations;
using M365Scanner.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace M365Scanner.Host.Alerts;

/// <summary><c>GET /api/admin/alerts?state=&amp;limit=</c>: the outbox, newest first, for viewers.</summary>
public static class AlertsApi
{
    public const string Route = "/api/admin/alerts";

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, List).RequireAuthorization(AuthorizationPolicies.Viewer);
        return app;
    }

    /// <summary><paramref name="state"/> is "pending", "delivered" or "failed" (any other value is a 400 that says so);
    /// without it every state.</summary>
    internal static Results<Ok<List<AlertListing>>, BadRequest<string>> List(IAlertOutbox outbox, string? state, int? limit)
    {
        AlertState? wanted = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (!StableName.TryParse<AlertState>(state.ToLowerInvariant(), out var parsed))
                return TypedResults.BadRequest($"state must be pending, delivered or failed, not '{state}'");
            wanted = parsed;
        }
        return TypedResults.Ok(outbox.Query(wanted, Math.Clamp(limit ?? 100, 1, 1000)).Select(AlertListing.From).ToList());
    }
}
