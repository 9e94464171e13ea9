using System.Collections.Immutable;
using System.Text.Json;
using M365Scanner.GraphEmulator.Mail;

namespace M365Scanner.GraphEmulator.Graph;

/// <summary>Reads a message from a create (POST) or update (PATCH) body. On update, Graph lets only some
/// properties change once a message is no longer a draft (message resource: "Updatable only if isDraft = true").</summary>
internal static class MessageJsonReader
{
    /// <summary>Properties that can only change while isDraft is true.</summary>
    private static readonly HashSet<string> DraftOnly = new(StringComparer.OrdinalIgnoreCase)
    {
        "body", "subject", "toRecipients", "ccRecipients", "bccRecipients", "replyTo", "from", "sender", "internetMessageId", "uniqueBody",
    };

    private static readonly HashSet<string> ReadOnly = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "createdDateTime", "lastModifiedDateTime", "changeKey", "parentFolderId", "conversationId", "hasAttachments", "isDraft",
        "bodyPreview", "webLink", "receivedDateTime", "sentDateTime",
    };

    /// <summary>Creates a message from JSON: a draft unless PidTagMessageFlags without MSGFLAG_UNSENT says otherwise.</summary>
    public static StoredMessage Create(JsonElement json, DateTimeOffset now)
    {
        var blank = new StoredMessage
        {
            Id = "", FolderId = "", ChangeKey = "", ConversationId = "",
            CreatedDateTime = now, LastModifiedDateTime = now, ReceivedDateTime = now, SentDateTime = now,
            IsDraft = true, Subject = "",
        };
        var m = Apply(blank, json, now, isCreate: true);
        var flags = MapiProperties.Integer(m.ExtendedProperties, MapiProperties.MessageFlags);
        var isDraft = flags is null || (flags.Value & MapiProperties.FlagUnsent) != 0;
        var isRead = json.TryGetProperty("isRead", out var r) && r.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? r.GetBoolean()
            : isDraft || (flags is { } f && (f & MapiProperties.FlagRead) != 0);
        return m with
        {
            IsDraft = isDraft,
            IsRead = isRead,
            ReceivedDateTime = Second(MapiProperties.Time(m.ExtendedProperties, MapiProperties.DeliveryTime) ?? now),
            SentDateTime = Second(MapiProperties.Time(m.ExtendedProperties, MapiProperties.ClientSubmitTime)
                                  ?? MapiProperties.Time(m.ExtendedProperties, MapiProperties.DeliveryTime) ?? now),
            ConversationId = ConversationIds.For(m.Subject),
            Sender = m.Sender ?? m.From,
        };
    }

    /// <summary>Applies a PATCH body; throws 400 ErrorInvalidPropertySet when it touches a draft-only property of a sent or received message.</summary>
    public static StoredMessage Update(StoredMessage current, JsonElement json, DateTimeOffset now)
    {
        if (json.ValueKind != JsonValueKind.Object) throw GraphException.BadRequest("Empty Payload. JSON content expected.");
        if (!current.IsDraft && json.EnumerateObject().Any(p => DraftOnly.Contains(p.Name)))
            throw new GraphException(400, "ErrorInvalidPropertySet", "Message is not draft.");
        var updated = Apply(current, json, now, isCreate: false);
        return updated with { ConversationId = current.IsDraft ? ConversationIds.For(updated.Subject) : current.ConversationId, Mime = current.IsDraft ? null : current.Mime };
    }

    private static StoredMessage Apply(StoredMessage m, JsonElement json, DateTimeOffset now, bool isCreate)
    {
        if (json.ValueKind != JsonValueKind.Object) throw GraphException.BadRequest("Empty Payload. JSON content expected.");
        foreach (var p in json.EnumerateObject())
        {
            if (p.Name.StartsWith('@')) continue;
            if (!isCreate && ReadOnly.Contains(p.Name))
                throw new GraphException(400, "ErrorInvalidPropertySet", $"The property '{p.Name}' is read-only and cannot be set.");
            var v = p.Value;
            m = p.Name.ToLowerInvariant() switch
            {
                "subject" => m with { Subject = v.GetString() },
                "body" => m with { Body = Body(v) },
                "from" => m with { From = One(v) },
                "sender" => m with { Sender = One(v) },
                "torecipients" => m with { ToRecipients = Many(v) },
                "ccrecipients" => m with { CcRecipients = Many(v) },
                "bccrecipients" => m with { BccRecipients = Many(v) },
                "replyto" => m with { ReplyTo = Many(v) },
                "internetmessageid" => m with { InternetMessageId = v.GetString() },
                "importance" => m with { Importance = (v.GetString() ?? "normal").ToLowerInvariant() },
                "isread" => m with { IsRead = v.GetBoolean() },
                "categories" => m with { Categories = [.. v.EnumerateArray().Select(c => c.GetString() ?? "")] },
                "flag" => m with { FlagStatus = v.TryGetProperty("flagStatus", out var fs) ? fs.GetString() ?? "notFlagged" : m.FlagStatus },
                "internetmessageheaders" => m with { InternetMessageHeaders = Headers(v) },
                "singlevalueextendedproperties" => m with { ExtendedProperties = Merge(m.ExtendedProperties, v) },
                "attachments" when isCreate => m with { Attachments = [.. v.EnumerateArray().Select(a => AttachmentFromJson(a, now))] },
                "inferenceclassification" or "isdeliveryreceiptrequested" or "isreadreceiptrequested" => m,
                _ when isCreate && ReadOnly.Contains(p.Name) => m,
                _ => throw new GraphException(400, "RequestBodyRead",
                    $"The property '{p.Name}' does not exist on type 'microsoft.graph.message'. Make sure to only use property names that are defined by the type or mark the type as open type."),
            };
        }
        return m;
    }

    public static StoredAttachment AttachmentFromJson(JsonElement a, DateTimeOffset now)
    {
        var type = a.TryGetProperty("@odata.type", out var t) ? t.GetString() : null;
        if (!string.Equals(type, "#microsoft.graph.fileAttachment", StringComparison.OrdinalIgnoreCase))
            throw GraphException.BadRequest("Only fileAttachment is supported by this emulator.", "ErrorInvalidRequest");
        var bytes = a.TryGetProperty("contentBytes", out var c) ? c.GetBytesFromBase64() : [];
        return new StoredAttachment(GraphIds.NewAttachmentId(),
            a.TryGetProperty("name", out var n) ? n.GetString() ?? "attachment" : "attachment",
            a.TryGetProperty("contentType", out var ct) ? ct.GetString() ?? "application/octet-stream" : "application/octet-stream",
            bytes,
            a.TryGetProperty("isInline", out var i) && i.ValueKind == JsonValueKind.True,
            a.TryGetProperty("contentId", out var cid) ? cid.GetString() : null,
            now);
    }

    private static MessageBody Body(JsonElement v) => new(
        (v.TryGetProperty("contentType", out var ct) ? ct.GetString() : "text")?.ToLowerInvariant() ?? "text",
        v.TryGetProperty("content", out var c) ? c.GetString() ?? "" : "");

    private static Recipient? One(JsonElement v) =>
        v.ValueKind == JsonValueKind.Null ? null
        : v.TryGetProperty("emailAddress", out var e)
            ? new Recipient(e.TryGetProperty("name", out var n) ? n.GetString() : null, e.TryGetProperty("address", out var a) ? a.GetString() ?? "" : "")
            : throw GraphException.BadRequest("A recipient must have an emailAddress.");

    private static ImmutableArray<Recipient> Many(JsonElement v) => [.. v.EnumerateArray().Select(r => One(r)!)];

    private static ImmutableArray<KeyValuePair<string, string>> Headers(JsonElement v) =>
        [.. v.EnumerateArray().Select(h => KeyValuePair.Create(h.GetProperty("name").GetString() ?? "", h.GetProperty("value").GetString() ?? ""))];

    private static ImmutableArray<ExtendedProperty> Merge(ImmutableArray<ExtendedProperty> existing, JsonElement v)
    {
        var result = existing.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var p in v.EnumerateArray())
        {
            var id = p.GetProperty("id").GetString() ?? "";
            result[id] = new ExtendedProperty(id, p.GetProperty("value").GetString() ?? "");
        }
        return [.. result.Values];
    }

    private static DateTimeOffset Second(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
