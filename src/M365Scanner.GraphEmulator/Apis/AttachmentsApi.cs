using System.Text.Json;
using M365Scanner.GraphEmulator.Graph;
using M365Scanner.GraphEmulator.Identity;

namespace M365Scanner.GraphEmulator.Apis;

/// <summary>Attachments of a message: list, get one, its raw bytes ($value), and add one.</summary>
/// <remarks>Adding is allowed on any message, received ones included: "You can add an attachment to an existing message
/// by posting to its attachments collection" (learn.microsoft.com/graph/api/message-post-attachments), with no condition
/// on isDraft, unlike the draft-only properties of PATCH. One request carries one attachment under 3 MB; the 4 MB
/// request limit (<see cref="Graph.RequestBodyLimitMiddleware"/>) is what refuses a larger one.</remarks>
internal static class AttachmentsApi
{
    public static RouteGroupBuilder MapAttachmentsApi(this RouteGroupBuilder graph)
    {
        Map(graph.MapGroup("/users/{userId}/messages/{messageId}/attachments"));
        Map(graph.MapGroup("/users/{userId}/mailFolders/{folderId}/messages/{messageId}/attachments"));
        return graph;
    }

    private static void Map(RouteGroupBuilder attachments)
    {
        attachments.MapGet("", List).RequireMailRoles(Roles.MailRead);
        attachments.MapPost("", Add).RequireMailRoles(Roles.MailWrite);
        attachments.MapGet("/{attachmentId}", Get).RequireMailRoles(Roles.MailRead);
        attachments.MapGet("/{attachmentId}/$value", GetValue).RequireMailRoles(Roles.MailRead);
    }

    private static GraphJson List(HttpContext context, string? folderId, string messageId)
    {
        var select = AttachmentSelect.From(context.Request);
        var message = context.TargetUser().Mailbox.Get(messageId, folderId);
        return Collections.Page(message.Attachments, (w, a) => AttachmentJson.Write(w, a, select),
            Collections.Context(context.Request, "attachments"));
    }

    private static GraphJson Get(HttpContext context, string? folderId, string messageId, string attachmentId)
    {
        var select = AttachmentSelect.From(context.Request);
        var message = context.TargetUser().Mailbox.Get(messageId, folderId);
        var attachment = message.Attachments.FirstOrDefault(a => a.Id == attachmentId) ?? throw GraphException.ItemNotFound();
        return GraphJson.Ok(w => AttachmentJson.Write(w, attachment, select));
    }

    private static IResult GetValue(HttpContext context, string? folderId, string messageId, string attachmentId)
    {
        var message = context.TargetUser().Mailbox.Get(messageId, folderId);
        var attachment = message.Attachments.FirstOrDefault(a => a.Id == attachmentId) ?? throw GraphException.ItemNotFound();
        return TypedResults.Bytes(attachment.Content, attachment.ContentType);
    }

    private static GraphJson Add(HttpContext context, string? folderId, string messageId, JsonElement body, TimeProvider time)
    {
        var mailbox = context.TargetUser().Mailbox;
        mailbox.Get(messageId, folderId);
        var attachment = MessageJsonReader.AttachmentFromJson(body, time.GetUtcNow());
        mailbox.Update(messageId, m => m with { Attachments = m.Attachments.Add(attachment), Mime = null });
        return GraphJson.Created(w => AttachmentJson.Write(w, attachment, AttachmentSelect.All));
    }
}
