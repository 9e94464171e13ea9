using System.Text.Json;
using M365Scanner.Core.Operations;
using M365Scanner.Host.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace M365Scanner.Host.Scanning;

/// <summary>
/// The endpoints Graph calls: change notifications and lifecycle notifications. Both answer fast and do no work
/// themselves: each genuine notification becomes a persisted background job, then Graph gets 202. An entry whose
/// subscription is unknown, whose clientState does not match the subscription's secret or whose tenantId is not the
/// subscription's tenant is refused, counted (metric <c>m365scanner.notifications.refused</c>) and summed up in one
/// log line per call; a call with nothing genuine gets 403, a body that is not a collection of notifications 400,
/// and 503 means "could not persist, retry", which Graph does.
/// </summary>
public static class GraphNotificationsApi
{
    public const string NotificationsPath = "/api/graph/notifications";
    public const string LifecyclePath = "/api/graph/lifecycle";

    public static IEndpointRouteBuilder MapGraphNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/graph").AllowAnonymous();
        api.MapPost("/notifications", ReceiveNotifications).ValidateGraphNotification();
        api.MapPost("/lifecycle", ReceiveLifecycle).ValidateGraphNotification();
        return app;
    }

    internal static async Task<Results<Accepted, BadRequest, StatusCodeHttpResult>> ReceiveNotifications(
        HttpRequest request, IWorkerStateStore state, IWorkQueue queue, ScannerMetrics metrics, ILoggerFactory loggers)
    {
        var log = loggers.CreateLogger(typeof(GraphNotificationsApi));
        if (await ReadAsync(request, log) is not { } body)
            return TypedResults.BadRequest();
        var messages = new List<MessageRef>();
        var refusals = new NotificationRefusals();
        var result = Dispatch(body, state, log, refusals, (subscription, n) =>
        {
            if (n.MessageId is { } messageId)
                messages.Add(new MessageRef(subscription.TenantId, subscription.Mailbox, messageId));
            else
                refusals.Refuse(NotificationRefusals.NoMessage, n.SubscriptionId);
        });
        refusals.Log(log, NotificationsPath, body.Value.Count);
        metrics.NotificationsRefused(refusals.ByReason);
        if (result.Result is not Accepted || messages.Count == 0)
            return result;
        try
        {
            queue.ScanMessages(messages);
            metrics.NotificationsReceived(messages.Count);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Could not persist {Count} notification(s); answering 503 so Graph retries", messages.Count);
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    internal static async Task<Results<Accepted, BadRequest, StatusCodeHttpResult>> ReceiveLifecycle(
        HttpRequest request, IWorkerStateStore state, IWorkQueue queue, ScannerMetrics metrics, ILoggerFactory loggers)
    {
        var log = loggers.CreateLogger(typeof(GraphNotificationsApi));
        if (await ReadAsync(request, log) is not { } body)
            return TypedResults.BadRequest();
        var refusals = new NotificationRefusals();
        var result = Dispatch(body, state, log, refusals, (subscription, n) =>
        {
            log.LogInformation("Lifecycle event {Event} for subscription {SubscriptionId} ({Mailbox})",
                n.LifecycleEvent, subscription.SubscriptionId, subscription.Mailbox);
            switch (n.LifecycleEvent)
            {
                case "reauthorizationRequired":
                    queue.RenewSubscription(subscription.SubscriptionId);
                    break;
                case "subscriptionRemoved":
                    queue.RecreateSubscription(subscription.SubscriptionId);
                    break;
                case "missed":
                    queue.CatchUp(subscription.TenantId, subscription.Mailbox);
                    break;
                default:
                    log.LogWarning("Unknown lifecycle event {Event}; ignored", n.LifecycleEvent);
                    break;
            }
        });
        refusals.Log(log, LifecyclePath, body.Value.Count);
        metrics.NotificationsRefused(refusals.ByReason);
        return result;
    }

    // The body is read here, not bound by the framework: binding runs before endpoint filters, and Graph's validation
    // request (text/plain, empty) would be refused with 415 before the handshake filter could answer it.
    // Null for anything that is not a non-empty collection of notification objects: Graph never sends one, so it is
    // the caller's mistake (400), not ours to retry (503).
    private static async Task<ChangeNotificationCollection?> ReadAsync(HttpRequest request, ILogger log)
    {
        ChangeNotificationCollection? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<ChangeNotificationCollection>(request.Body, Json, request.HttpContext.RequestAborted);
        }
        catch (JsonException ex)
        {
            log.LogWarning("Rejected a notification call whose body is not a notification collection: {Error}", ex.Message);
            return null;
        }
        if (body?.Value is not { Count: > 0 } value)
        {
            log.LogWarning("Rejected a notification call with no notifications");
            return null;
        }
        if (value.Any(n => n is null))
        {
            log.LogWarning("Rejected a notification call with {Count} null entr(ies) among {Total}", value.Count(n => n is null), value.Count);
            return null;
        }
        return body;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Hands each genuine entry to <paramref name="enqueue"/>: its subscription is ours, its clientState is
    /// that subscription's secret, and it comes from that subscription's tenant. The others are counted in
    /// <paramref name="refusals"/>.</summary>
    private static Results<Accepted, BadRequest, StatusCodeHttpResult> Dispatch(ChangeNotificationCollection body, IWorkerStateStore state,
        ILogger log, NotificationRefusals refusals, Action<SubscriptionRecord, ChangeNotification> enqueue)
    {
        var accepted = 0;
        try
        {
            foreach (var notification in body.Value)
            {
                var subscription = notification.SubscriptionId is { } id ? state.GetSubscription(id) : null;
                // Never log the received clientState: it may be a near-miss of the real secret.
                if (subscription is null)
                    refusals.Refuse(NotificationRefusals.UnknownSubscription, notification.SubscriptionId);
                else if (!ClientStateCheck.Matches(subscription.ClientState, notification.ClientState))
                    refusals.Refuse(NotificationRefusals.ClientStateMismatch, notification.SubscriptionId);
                else if (!string.Equals(subscription.TenantId, notification.TenantId, StringComparison.OrdinalIgnoreCase))
                    refusals.Refuse(NotificationRefusals.TenantMismatch, notification.SubscriptionId);
                else
                {
                    enqueue(subscription, notification);
                    accepted++;
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Could not persist notifications; answering 503 so Graph retries");
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        // Nothing genuine in the call: 403, and nothing was queued.
        return accepted > 0 ? TypedResults.Accepted((string?)null) : TypedResults.StatusCode(StatusCodes.Status403Forbidden);
    }
}
