using System.Text.Json;
using M365Scanner.Core.Operations;
using M365Scanner.Host.Notifications;
using M365Scanner.Host.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace M365Scanner.Host.Apis;

/// <summary>
/// The endpoints Graph calls: change notifications and lifecycle notifications. Both answer fast and do no work
/// themselves: each genuine notification becomes a persisted background job, then Graph gets 202. A notification
/// whose clientState does not match its subscription's secret is rejected and logged; 503 means "could not persist,
/// retry", which Graph does.
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
        if (await ReadAsync(request, log) is not { Value.Count: > 0 } body)
            return TypedResults.BadRequest();
        var messages = new List<MessageRef>();
        var result = Dispatch(body, state, log, (subscription, n) =>
        {
            if (n.MessageId is { } messageId)
                messages.Add(new MessageRef(subscription.TenantId, subscription.Mailbox, messageId));
            else
                log.LogWarning("Notification for subscription {SubscriptionId} names no message; ignored", n.SubscriptionId);
        });
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
        HttpRequest request, IWorkerStateStore state, IWorkQueue queue, ILoggerFactory loggers)
    {
        var log = loggers.CreateLogger(typeof(GraphNotificationsApi));
        if (await ReadAsync(request, log) is not { Value.Count: > 0 } body)
            return TypedResults.BadRequest();
        return Dispatch(body, state, log, (subscription, n) =>
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
    }

    // The body is read here, not bound by the framework: binding runs before endpoint filters, and Graph's validation
    // request (text/plain, empty) would be refused with 415 before the handshake filter could answer it.
    private static async Task<ChangeNotificationCollection?> ReadAsync(HttpRequest request, ILogger log)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<ChangeNotificationCollection>(request.Body, Json, request.HttpContext.RequestAborted);
        }
        catch (JsonException ex)
        {
            log.LogWarning("Rejected a notification call whose body is not a notification collection: {Error}", ex.Message);
            return null;
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static Results<Accepted, BadRequest, StatusCodeHttpResult> Dispatch(
        ChangeNotificationCollection body, IWorkerStateStore state, ILogger log, Action<SubscriptionRecord, ChangeNotification> enqueue)
    {
        var accepted = 0;
        try
        {
            foreach (var notification in body.Value)
            {
                var subscription = notification.SubscriptionId is { } id ? state.GetSubscription(id) : null;
                if (subscription is null || !ClientStateCheck.Matches(subscription.ClientState, notification.ClientState))
                {
                    // Never log the received clientState: it may be a near-miss of the real secret.
                    log.LogWarning("Rejected a notification for subscription {SubscriptionId}: {Why}", notification.SubscriptionId,
                        subscription is null ? "unknown subscription" : "clientState mismatch");
                    continue;
                }
                enqueue(subscription, notification);
                accepted++;
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
