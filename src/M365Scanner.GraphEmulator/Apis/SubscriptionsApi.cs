using System.Globalization;
using System.Text.Json;
using M365Scanner.GraphEmulator.Directory;
using M365Scanner.GraphEmulator.Graph;
using M365Scanner.GraphEmulator.Identity;
using M365Scanner.GraphEmulator.Subscriptions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace M365Scanner.GraphEmulator.Apis;

/// <summary>Change-notification subscriptions for Outlook messages: create (after the validation handshake),
/// list, get, renew (PATCH expirationDateTime), reauthorize, delete. An app sees only its own subscriptions.</summary>
internal static class SubscriptionsApi
{
    private static readonly HashSet<string> KnownChangeTypes = ["created", "updated", "deleted"];

    public static RouteGroupBuilder MapSubscriptionsApi(this RouteGroupBuilder graph)
    {
        var subscriptions = graph.MapGroup("/subscriptions");
        subscriptions.MapPost("", Create);
        subscriptions.MapGet("", List);
        subscriptions.MapGet("/{subscriptionId}", Get);
        subscriptions.MapPatch("/{subscriptionId}", Renew);
        subscriptions.MapPost("/{subscriptionId}/reauthorize", Reauthorize);
        subscriptions.MapDelete("/{subscriptionId}", Delete);
        return graph;
    }

    private static async Task<GraphJson> Create(HttpContext context, JsonElement body, TenantDirectory directory,
        SubscriptionStore store, ValidationHandshake handshake, EmulatorOptions options, TimeProvider time)
    {
        var caller = context.Caller();
        string? Text(string name) => body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        var resource = Text("resource") ?? throw GraphException.BadRequest("resource is required.", "InvalidRequest");
        var path = ResourcePath.Parse(resource)
            ?? throw GraphException.BadRequest($"Resource '{resource}' is not supported by this emulator (Outlook messages only).", "InvalidRequest");
        if (!caller.HasAnyRole(Roles.MailRead))
            throw new GraphException(403, "ExtensionError", "Operation: Create; Exception: [Status Code: Forbidden; Reason: Access is denied.]");
        var user = GraphRequest.ResolveUser(directory, caller, path.User);
        var folderId = path.Folder is null ? null : user.Mailbox.ResolveFolderId(path.Folder);

        var changeTypes = (Text("changeType") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToLowerInvariant()).ToHashSet();
        if (changeTypes.Count == 0 || !changeTypes.IsSubsetOf(KnownChangeTypes))
            throw GraphException.BadRequest("changeType must be a comma-separated list of created, updated, deleted.", "InvalidRequest");

        var expires = Expiration(Text("expirationDateTime"), options, time);
        var notificationUrl = CheckUrl(Text("notificationUrl"), "notificationUrl", options)
            ?? throw GraphException.BadRequest("notificationUrl is required.", "InvalidRequest");
        var lifecycleUrl = CheckUrl(Text("lifecycleNotificationUrl"), "lifecycleNotificationUrl", options);

        if (!await handshake.ValidateAsync(notificationUrl, context.RequestAborted))
            throw GraphException.BadRequest("Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.", "ValidationError");
        if (lifecycleUrl is not null && lifecycleUrl != notificationUrl && !await handshake.ValidateAsync(lifecycleUrl, context.RequestAborted))
            throw GraphException.BadRequest("Subscription validation request failed. Lifecycle notification endpoint must respond with 200 OK to validation request.", "ValidationError");

        var subscription = new Subscription(Guid.NewGuid().ToString(), caller.TenantId, caller.AppId, resource,
            new ResourcePath(user.Id, folderId), changeTypes, notificationUrl, lifecycleUrl, Text("clientState"), expires);
        store.Add(subscription);
        return GraphJson.Created(w => SubscriptionJson.Write(w, subscription));
    }

    private static GraphJson List(HttpContext context, SubscriptionStore store)
    {
        var caller = context.Caller();
        var mine = store.All.Where(s => s.TenantId == caller.TenantId && s.AppId == caller.AppId).ToArray();
        return Collections.Page(mine, SubscriptionJson.Write, Collections.Context(context.Request, "subscriptions"));
    }

    private static GraphJson Get(HttpContext context, string subscriptionId, SubscriptionStore store)
    {
        var s = Own(context, subscriptionId, store);
        return GraphJson.Ok(w => SubscriptionJson.Write(w, s));
    }

    private static GraphJson Renew(HttpContext context, string subscriptionId, JsonElement body, SubscriptionStore store, EmulatorOptions options, TimeProvider time)
    {
        var s = Own(context, subscriptionId, store);
        var value = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("expirationDateTime", out var e) ? e.GetString() : null;
        s.ExpirationDateTime = Expiration(value, options, time);
        return GraphJson.Ok(w => SubscriptionJson.Write(w, s));
    }

    private static NoContent Reauthorize(HttpContext context, string subscriptionId, SubscriptionStore store)
    {
        Own(context, subscriptionId, store);
        return TypedResults.NoContent();
    }

    private static NoContent Delete(HttpContext context, string subscriptionId, SubscriptionStore store)
    {
        store.Remove(Own(context, subscriptionId, store).Id);
        return TypedResults.NoContent();
    }

    private static Subscription Own(HttpContext context, string id, SubscriptionStore store)
    {
        var caller = context.Caller();
        var s = store.Find(id);
        return s is not null && s.TenantId == caller.TenantId && s.AppId == caller.AppId
            ? s
            : throw new GraphException(404, "ResourceNotFound", $"The object was not found. subscriptionId: {id}");
    }

    private static DateTimeOffset Expiration(string? value, EmulatorOptions options, TimeProvider time)
    {
        if (value is null || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires))
            throw GraphException.BadRequest("expirationDateTime is required and must be a date-time.", "InvalidRequest");
        var now = time.GetUtcNow();
        if (expires <= now)
            throw GraphException.BadRequest("Operation: Create; Exception: [Status Code: BadRequest; Reason: Subscription expiration must be in the future.]", "ExtensionError");
        if (expires > now.AddMinutes(options.MaxMessageSubscriptionMinutes))
            throw GraphException.BadRequest($"Operation: Create; Exception: [Status Code: BadRequest; Reason: Subscription expiration can only be {options.MaxMessageSubscriptionMinutes} minutes in the future.]", "ExtensionError");
        return expires.ToUniversalTime();
    }

    private static Uri? CheckUrl(string? value, string name, EmulatorOptions options)
    {
        if (value is null) return null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url))
            throw GraphException.BadRequest($"{name} is not a valid URL.", "InvalidRequest");
        var httpAllowed = options.AllowHttpLoopbackNotificationUrls && url.IsLoopback;
        if (url.Scheme != Uri.UriSchemeHttps && !(httpAllowed && url.Scheme == Uri.UriSchemeHttp))
            throw GraphException.BadRequest($"Subscription {name} must be an https URL.", "InvalidRequest");
        return url;
    }
}
