using System.Text.Json;
using M365Scanner.GraphEmulator.Graph;
using M365Scanner.GraphEmulator.Identity;
using M365Scanner.GraphEmulator.Mail;

namespace M365Scanner.GraphEmulator.Apis;

/// <summary>Message delta per folder (GET .../mailFolders/{id}/messages/delta, with or without "()"): the first round
/// returns every message, later rounds (from the @odata.deltaLink) return messages created or changed since, and
/// those that left the folder as {"id", "@removed":{"reason":"deleted"}}. Pages follow @odata.nextLink.</summary>
internal static class DeltaApi
{
    private const int DefaultPageSize = 10;
    private const int MaxPageSize = 1000;

    public static RouteGroupBuilder MapDeltaApi(this RouteGroupBuilder graph)
    {
        graph.MapGet("/users/{userId}/mailFolders/{folderId}/messages/delta", Delta).RequireMailRoles(Roles.MailRead);
        graph.MapGet("/users/{userId}/mailFolders/{folderId}/messages/delta()", Delta).RequireMailRoles(Roles.MailRead);
        return graph;
    }

    private static GraphJson Delta(HttpContext context, string folderId)
    {
        var query = ODataQuery.From(context.Request);
        var view = MessageView.From(context.Request, query) with { ExpandAttachments = false };
        var mailbox = context.TargetUser().Mailbox;
        var folder = mailbox.ResolveFolderId(folderId);

        // An initial round (Since = -1) lists what is there; later rounds also report what left the folder.
        DeltaToken round;
        if (query.SkipToken is { } skip)
            round = DeltaToken.Decode(skip);
        else if (query.DeltaToken is { } delta)
        {
            var previous = DeltaToken.Decode(delta);
            round = new DeltaToken(previous.FolderId, previous.UpTo, mailbox.Sequence, previous.UpTo);
        }
        else
            round = new DeltaToken(folder, -1, mailbox.Sequence, 0);
        if (round.FolderId != folder)
            throw new GraphException(400, "ErrorInvalidSyncStateData", "The sync state does not belong to this folder.");

        var filter = MessageFilter.Parse(query.Filter);
        var size = query.PageSize(context.Request, DefaultPageSize, MaxPageSize);
        var changes = mailbox.Changes(folder, round.Cursor, round.UpTo, includeRemoved: round.Since >= 0)
            .Where(c => c.Message is null || filter(c.Message))
            .ToArray();
        var page = changes.Take(size).ToArray();
        string? next = null, deltaLink = null;
        if (changes.Length > page.Length)
            next = PageLinks.With(context.Request, new Dictionary<string, string> { ["$skiptoken"] = (round with { Cursor = page[^1].Sequence }).Encode() }, "$deltatoken", "$top");
        else
            deltaLink = PageLinks.With(context.Request, new Dictionary<string, string> { ["$deltatoken"] = new DeltaToken(folder, round.Since, round.UpTo, round.UpTo).Encode() }, "$skiptoken", "$top");

        return Collections.Page(page, (w, c) => WriteChange(w, c, view), Collections.Context(context.Request, "Collection(message)"), next, deltaLink);
    }

    private static void WriteChange(Utf8JsonWriter w, (long Sequence, StoredMessage? Message, string? RemovedId) change, MessageView view)
    {
        if (change.Message is { } m)
        {
            MessageJson.Write(w, m, view, withODataType: true);
            return;
        }
        w.WriteStartObject();
        w.WriteString("@odata.type", "#microsoft.graph.message");
        w.WriteString("id", change.RemovedId);
        w.WriteStartObject("@removed");
        w.WriteString("reason", "deleted");
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
