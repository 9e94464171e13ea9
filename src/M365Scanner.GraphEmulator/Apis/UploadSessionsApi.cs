using System.Globalization;
using System.Text.Json;
using M365Scanner.GraphEmulator.Directory;
using M365Scanner.GraphEmulator.Faults;
using M365Scanner.GraphEmulator.Graph;
using M365Scanner.GraphEmulator.Identity;
using M365Scanner.GraphEmulator.Mail;

namespace M365Scanner.GraphEmulator.Apis;

/// <summary>Large file attachments (3 MB to 150 MB): <c>POST .../messages/{id}/attachments/createUploadSession</c> opens
/// a session and returns its pre-authenticated upload URL; <c>PUT</c>s to that URL carry the bytes in order, at most
/// 4 MB each, with <c>Content-Range: bytes {start}-{end}/{total}</c>; the last one creates the attachment (201 with a
/// Location, no body), the others answer 200 with the next expected range.</summary>
/// <remarks>
/// <para>As documented (learn.microsoft.com/graph/api/attachment-createuploadsession,
/// learn.microsoft.com/graph/outlook-large-attachments): the item "can be a message or event", with no condition on the
/// message being a draft, so a session is allowed on a received message; only file attachments
/// (ErrorAttachmentSessionIsSupportedOnlyForFileAttachments, 405, microsoftgraph/microsoft-graph-docs-contrib#710);
/// under 3 MB is ErrorAttachmentSizeShouldNotBeLessThanMinimumSize (microsoftgraph/microsoft-graph-docs#7044; its
/// status is not documented, 400 here); over 150 MB is refused with a code of the emulator's own naming.</para>
/// <para>The upload URL is outside Graph (outlook.office.com on the service) and must be called without the Graph
/// bearer token: Exchange refuses a Graph token there ("The audience claim value is invalid for current resource",
/// microsoftgraph/msgraph-sdk-java#1380), and so does the emulator. Range errors are answered with codes of the
/// emulator's naming that contain neither "invalidRange" nor "generalException", which the SDK's upload task would
/// take for "already uploaded" or retry.</para>
/// </remarks>
internal static class UploadSessionsApi
{
    // Outlook's form, under a prefix since the emulator serves everything from one host:
    // https://outlook.office.com/api/v2.0/Users('{user id}@{tenant id}')/Messages('{id}')/AttachmentSessions('{id}')?authtoken=...
    private const string UploadRoute = "/outlook/api/v2.0/Users('{mailbox}')/Messages('{messageId}')/AttachmentSessions('{sessionId}')";

    public static RouteGroupBuilder MapUploadSessionsApi(this RouteGroupBuilder graph)
    {
        graph.MapPost("/users/{userId}/messages/{messageId}/attachments/createUploadSession", Create).RequireMailRoles(Roles.MailWrite);
        graph.MapPost("/users/{userId}/mailFolders/{folderId}/messages/{messageId}/attachments/createUploadSession", Create)
            .RequireMailRoles(Roles.MailWrite);
        return graph;
    }

    /// <summary>The upload URL's route: not under the Graph group, so no bearer token is asked for.</summary>
    public static IEndpointRouteBuilder MapUploadRangesApi(this IEndpointRouteBuilder app)
    {
        app.MapPut(UploadRoute, PutRange);
        return app;
    }

    private static GraphJson Create(HttpContext context, string? folderId, string messageId, JsonElement body, AttachmentUploads uploads)
    {
        var user = context.TargetUser();
        user.Mailbox.Get(messageId, folderId);
        if (!TryProperty(body, "attachmentItem", out var item) || item.ValueKind != JsonValueKind.Object)
            throw GraphException.BadRequest("The parameter 'AttachmentItem' is required.", "ErrorInvalidRequest");
        var type = TryProperty(item, "attachmentType", out var t) ? t.GetString() : null;
        if (!string.Equals(type, "file", StringComparison.OrdinalIgnoreCase))
            throw new GraphException(405, "ErrorAttachmentSessionIsSupportedOnlyForFileAttachments",
                "Unsupported Attachment type specified. Only File attachments can be uploaded using an Upload Session.");
        var name = TryProperty(item, "name", out var n) ? n.GetString() : null;
        if (string.IsNullOrEmpty(name)) throw GraphException.BadRequest("The attachment needs a name.", "ErrorInvalidRequest");
        var size = TryProperty(item, "size", out var s) && s.TryGetInt64(out var v) ? v : -1;
        if (size < GraphLimits.MinUploadSessionBytes)
            throw GraphException.BadRequest("Attachment size should not be less than the minimum size for an upload session (3 MB).",
                "ErrorAttachmentSizeShouldNotBeLessThanMinimumSize");
        if (size > GraphLimits.MaxUploadSessionBytes)
            throw GraphException.BadRequest("Attachment size should not be more than 150 MB.", "ErrorAttachmentSizeShouldNotBeMoreThanMaximumSize");

        var session = uploads.Open(context.Caller().AppId, user, messageId, name,
            TryProperty(item, "contentType", out var ct) ? ct.GetString() ?? "application/octet-stream" : "application/octet-stream",
            TryProperty(item, "isInline", out var i) && i.ValueKind == JsonValueKind.True,
            TryProperty(item, "contentId", out var cid) ? cid.GetString() : null,
            size);
        var uploadUrl = $"{context.Request.Scheme}://{context.Request.Host}/outlook/api/v2.0/Users('{OutlookUser(user)}')" +
                        $"/Messages('{Uri.EscapeDataString(messageId)}')/AttachmentSessions('{session.Id}')?authtoken={session.AuthToken}";
        return GraphJson.Created(w =>
        {
            w.WriteStartObject();
            w.WriteString("@odata.context", $"{context.Request.Scheme}://{context.Request.Host}/v1.0/$metadata#microsoft.graph.uploadSession");
            w.WriteString("uploadUrl", uploadUrl);
            w.WriteString("expirationDateTime", session.Expires);
            w.WriteStartArray("nextExpectedRanges");
            w.WriteStringValue("0-");
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> PutRange(HttpContext context, string mailbox, string messageId, string sessionId,
        AttachmentUploads uploads, OutlookThrottle throttle, FaultInjector faults, TimeProvider time)
    {
        if (context.Request.Headers.Authorization.Count > 0)
            return new GraphError(401, "InvalidAudienceForResource",
                "The audience claim value is invalid for current resource. The upload URL is pre-authenticated; send no Authorization header.");
        var session = uploads.Find(sessionId, context.Request.Query["authtoken"].FirstOrDefault());
        if (session is null || session.Completed ||
            !string.Equals(mailbox, OutlookUser(session.User), StringComparison.OrdinalIgnoreCase) ||
            Uri.UnescapeDataString(messageId) != session.MessageId)
            return new GraphError(404, "ErrorItemNotFound", "The upload session was not found or has expired.");
        // An upload is an Outlook request on the mailbox like any other: it counts against the app's limits there.
        if (throttle.TryEnter(session.AppId, session.User.Id) is { } refused)
            return new GraphError(429, "ApplicationThrottled", refused.Message).WithHeader("Retry-After", refused.RetryAfterSeconds.ToString());
        try
        {
            await faults.DelayAsync(context);
            return await PutRangeAdmitted(context, session, uploads, time);
        }
        finally
        {
            throttle.Exit(session.AppId, session.User.Id);
        }
    }

    // How Outlook names a mailbox in an upload URL: the user's id at the tenant's id.
    private static string OutlookUser(EmulatedUser user) => $"{user.Id}@{user.TenantId}";

    private static async Task<IResult> PutRangeAdmitted(HttpContext context, AttachmentUpload session, AttachmentUploads uploads, TimeProvider time)
    {
        if (!TryParseRange(context.Request.Headers.ContentRange.FirstOrDefault(), out var start, out var end, out var total))
            return new GraphError(400, "ErrorInvalidContentRangeHeader", "Content-Range must be 'bytes {start}-{end}/{total}'.");
        if (total != session.Size)
            return new GraphError(400, "ErrorInvalidContentRangeHeader", $"The total in Content-Range must be the session's size, {session.Size}.");
        if (end < start || end >= total)
            return new GraphError(400, "ErrorInvalidContentRangeHeader", "Content-Range's end must lie between its start and the total.");
        var length = end - start + 1;
        if (length > GraphLimits.MaxUploadRangeBytes)
            return new GraphError(413, "RequestEntityTooLarge", "An upload range is limited to 4 MB.");
        lock (session)
        {
            if (start != session.Received)
                return new GraphError(416, "ErrorUploadRangeNotExpected", $"The bytes must be uploaded in order; the next range starts at {session.Received}.");
        }
        if (context.Request.ContentLength != length)
            return new GraphError(400, "ErrorInvalidContentRangeHeader", "Content-Length must equal the length of the range in Content-Range.");

        var target = session.NextRange((int)length);
        var read = 0;
        while (read < length)
        {
            var n = await context.Request.Body.ReadAsync(target[read..], context.RequestAborted);
            if (n == 0) return new GraphError(400, "ErrorInvalidContentRangeHeader", "The body ended before the range in Content-Range.");
            read += n;
        }

        lock (session)
        {
            if (start != session.Received) // a concurrent PUT of the same range won
                return new GraphError(416, "ErrorUploadRangeNotExpected", $"The bytes must be uploaded in order; the next range starts at {session.Received}.");
            session.Advance((int)length);
            if (session.Received < session.Size)
                return GraphJson.Ok(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("expirationDateTime", session.Expires);
                    w.WriteStartArray("nextExpectedRanges");
                    w.WriteStringValue(session.Received.ToString(CultureInfo.InvariantCulture));
                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            session.Completed = true;
        }
        uploads.Close(session.Id);
        var attachment = new StoredAttachment(GraphIds.NewAttachmentId(), session.Name, session.ContentType, session.Content,
            session.IsInline, session.ContentId, time.GetUtcNow());
        session.User.Mailbox.Update(session.MessageId, m => m with { Attachments = m.Attachments.Add(attachment), Mime = null });
        context.Response.Headers.Location =
            $"{context.Request.Scheme}://{context.Request.Host}/v1.0/users/{session.User.Id}/messages/{session.MessageId}/attachments/{attachment.Id}";
        return TypedResults.StatusCode(201);
    }

    private static bool TryParseRange(string? header, out long start, out long end, out long total)
    {
        start = end = total = 0;
        if (header is null || !header.StartsWith("bytes ", StringComparison.OrdinalIgnoreCase)) return false;
        var parts = header[6..].Split('/', 2);
        if (parts.Length != 2) return false;
        var range = parts[0].Split('-', 2);
        return range.Length == 2
               && long.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out start)
               && long.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out end)
               && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out total);
    }

    private static bool TryProperty(JsonElement element, string name, out JsonElement value)
    {
        foreach (var p in element.EnumerateObject())
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = p.Value;
                return true;
            }
        value = default;
        return false;
    }
}
