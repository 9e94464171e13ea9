using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using M365Scanner.GraphEmulator.Graph;
using M365Scanner.GraphEmulator.Identity;
using M365Scanner.GraphEmulator.Mail;

namespace M365Scanner.GraphEmulator.Apis;

/// <summary>Messages, addressed either mailbox-wide (/users/{id}/messages) or within a folder
/// (/users/{id}/mailFolders/{id}/messages): list, get, MIME, create, update, move, copy, delete.</summary>
internal static class MessagesApi
{
    private const int DefaultPageSize = 10;
    private const int MaxPageSize = 1000;

    public static RouteGroupBuilder MapMessagesApi(this RouteGroupBuilder graph)
    {
        Map(graph.MapGroup("/users/{userId}/messages"));
        Map(graph.MapGroup("/users/{userId}/mailFolders/{folderId}/messages"));
        return graph;
    }

    private static void Map(RouteGroupBuilder messages)
    {
        messages.MapGet("", List).RequireMailRoles(Roles.MailRead);
        messages.MapPost("", Create).RequireMailRoles(Roles.MailWrite);
        messages.MapGet("/{messageId}", Get).RequireMailRoles(Roles.MailRead);
        messages.MapGet("/{messageId}/$value", GetMime).RequireMailRoles(Roles.MailRead);
        messages.MapPatch("/{messageId}", Update).RequireMailRoles(Roles.MailWrite);
        messages.MapDelete("/{messageId}", Delete).RequireMailRoles(Roles.MailWrite);
        messages.MapPost("/{messageId}/move", Move).RequireMailRoles(Roles.MailWrite);
        messages.MapPost("/{messageId}/copy", Copy).RequireMailRoles(Roles.MailWrite);
    }

    private static GraphJson List(HttpContext context, string? folderId)
    {
        var query = ODataQuery.From(context.Request);
        var view = MessageView.From(context.Request, query);
        var filter = MessageFilter.Parse(query.Filter);
        var matching = MessageOrder.Apply(context.TargetUser().Mailbox.List(folderId).Where(filter), query.OrderBy).ToArray();
        var size = query.PageSize(context.Request, DefaultPageSize, MaxPageSize);
        var page = matching.Skip(query.Skip).Take(size).ToArray();
        var next = query.Skip + page.Length < matching.Length
            ? PageLinks.With(context.Request, "$skip", (query.Skip + page.Length).ToString())
            : null;
        return Collections.Page(page, (w, m) => MessageJson.Write(w, m, view), Collections.Context(context.Request, "messages"), next);
    }

    private static GraphJson Get(HttpContext context, string? folderId, string messageId)
    {
        var query = ODataQuery.From(context.Request);
        var view = MessageView.From(context.Request, query);
        var message = context.TargetUser().Mailbox.Get(messageId, folderId);
        return GraphJson.Ok(w => MessageJson.Write(w, message, view));
    }

    private static IResult GetMime(HttpContext context, string? folderId, string messageId)
    {
        var message = context.TargetUser().Mailbox.Get(messageId, folderId);
        return TypedResults.Bytes(MimeExporter.Export(message), "text/plain");
    }

    private static GraphJson Create(HttpContext context, string? folderId, JsonElement body, TimeProvider time)
    {
        var template = MessageJsonReader.Create(body, time.GetUtcNow());
        // POST /users/{id}/messages creates in Drafts, as Graph does.
        var created = context.TargetUser().Mailbox.Add(folderId ?? WellKnownFolders.Drafts, template);
        return GraphJson.Created(w => MessageJson.Write(w, created, MessageView.Default));
    }

    private static GraphJson Update(HttpContext context, string? folderId, string messageId, JsonElement body, TimeProvider time)
    {
        var mailbox = context.TargetUser().Mailbox;
        mailbox.Get(messageId, folderId);
        var updated = mailbox.Update(messageId, current => MessageJsonReader.Update(current, body, time.GetUtcNow()));
        return GraphJson.Ok(w => MessageJson.Write(w, updated, MessageView.Default));
    }

    private static NoContent Delete(HttpContext context, string? folderId, string messageId)
    {
        var mailbox = context.TargetUser().Mailbox;
        mailbox.Get(messageId, folderId);
        mailbox.Delete(messageId);
        return TypedResults.NoContent();
    }

    private static GraphJson Move(HttpContext context, string? folderId, string messageId, JsonElement body)
    {
        var mailbox = context.TargetUser().Mailbox;
        mailbox.Get(messageId, folderId);
        var moved = mailbox.Move(messageId, Destination(body));
        return GraphJson.Created(w => MessageJson.Write(w, moved, MessageView.Default));
    }

    private static GraphJson Copy(HttpContext context, string? folderId, string messageId, JsonElement body)
    {
        var mailbox = context.TargetUser().Mailbox;
        mailbox.Get(messageId, folderId);
        var copy = mailbox.Copy(messageId, Destination(body));
        return GraphJson.Created(w => MessageJson.Write(w, copy, MessageView.Default));
    }

    /// <summary>Action parameters are matched without regard to case: the SDK sends "DestinationId", the docs show "destinationId".</summary>
    private static string Destination(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object
        && body.EnumerateObject().FirstOrDefault(p => p.Name.Equals("destinationId", StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } d
        && d.GetString() is { Length: > 0 } id
            ? id
            : throw GraphException.BadRequest("The destinationId parameter is required.", "ErrorInvalidIdMalformed");
}
