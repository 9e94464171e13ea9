using System.Text.Json;
using M365Scanner.GraphEmulator.Graph;
using M365Scanner.GraphEmulator.Identity;

namespace M365Scanner.GraphEmulator.Apis;

/// <summary>Mail folders: list top-level and child folders, get by id or well-known name, create.</summary>
internal static class MailFoldersApi
{
    private const int DefaultPageSize = 10;
    private const int MaxPageSize = 1000;

    public static RouteGroupBuilder MapMailFoldersApi(this RouteGroupBuilder graph)
    {
        var folders = graph.MapGroup("/users/{userId}/mailFolders");
        folders.MapGet("", (HttpContext c) => List(c, null)).RequireMailRoles(Roles.MailRead);
        folders.MapPost("", (HttpContext c, JsonElement body) => Create(c, null, body)).RequireMailRoles(Roles.MailWrite);
        folders.MapGet("/{folderId}", Get).RequireMailRoles(Roles.MailRead);
        folders.MapGet("/{folderId}/childFolders", (HttpContext c, string folderId) => List(c, folderId)).RequireMailRoles(Roles.MailRead);
        folders.MapPost("/{folderId}/childFolders", (HttpContext c, string folderId, JsonElement body) => Create(c, folderId, body)).RequireMailRoles(Roles.MailWrite);
        return graph;
    }

    private static GraphJson List(HttpContext context, string? parentId)
    {
        var query = ODataQuery.From(context.Request);
        // Graph leaves hidden folders out unless the caller asks with includeHiddenFolders=true.
        var includeHidden = string.Equals(context.Request.Query["includeHiddenFolders"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        var all = context.TargetUser().Mailbox.ChildFolders(parentId, includeHidden);
        var size = query.PageSize(context.Request, DefaultPageSize, MaxPageSize);
        var page = all.Skip(query.Skip).Take(size).ToArray();
        var next = query.Skip + page.Length < all.Count ? PageLinks.With(context.Request, "$skip", (query.Skip + page.Length).ToString()) : null;
        return Collections.Page(page, FolderJson.Write, Collections.Context(context.Request, "mailFolders"), next);
    }

    private static GraphJson Get(HttpContext context, string folderId)
    {
        var folder = context.TargetUser().Mailbox.GetFolder(folderId);
        return GraphJson.Ok(w => FolderJson.Write(w, folder));
    }

    private static GraphJson Create(HttpContext context, string? parentId, JsonElement body)
    {
        var name = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("displayName", out var d) ? d.GetString() : null;
        var hidden = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("isHidden", out var h) && h.ValueKind == JsonValueKind.True;
        var folder = context.TargetUser().Mailbox.CreateFolder(parentId, name ?? "", hidden);
        return GraphJson.Created(w => FolderJson.Write(w, folder));
    }
}
