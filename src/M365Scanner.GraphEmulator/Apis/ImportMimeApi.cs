using M365Scanner.GraphEmulator.Graph;
using M365Scanner.GraphEmulator.Identity;
using M365Scanner.GraphEmulator.Mail;

namespace M365Scanner.GraphEmulator.Apis;

/// <summary>Beta action POST /users/{id}/mailFolders/{id}/importMime: the body is the base64 MIME (Content-Type
/// text/plain); the message is created as delivered (isDraft false) with its MIME kept intact; 201 with the message.</summary>
internal static class ImportMimeApi
{
    public static RouteGroupBuilder MapImportMimeApi(this RouteGroupBuilder beta)
    {
        beta.MapPost("/users/{userId}/mailFolders/{folderId}/importMime", Import).RequireMailRoles(Roles.MailImport);
        return beta;
    }

    private static async Task<GraphJson> Import(HttpContext context, string folderId, TimeProvider time)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        byte[] mime;
        try { mime = Convert.FromBase64String(text.Trim()); }
        catch (FormatException) { throw GraphException.BadRequest("The request body must be base64-encoded MIME content.", "ErrorMimeContentInvalidBase64String"); }
        if (mime.Length == 0) throw GraphException.BadRequest("The MIME content is empty.", "ErrorMimeContentInvalid");

        StoredMessage template;
        try { template = MimeImporter.Import(mime, time.GetUtcNow(), time.GetUtcNow()); }
        catch (FormatException) { throw GraphException.BadRequest("The MIME content could not be parsed.", "ErrorMimeContentInvalid"); }
        var created = context.TargetUser().Mailbox.Add(folderId, template);
        return GraphJson.Created(w => MessageJson.Write(w, created, MessageView.Default));
    }
}
