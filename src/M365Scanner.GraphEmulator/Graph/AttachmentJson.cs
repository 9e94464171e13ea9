using System.Text.Json;
using M365Scanner.GraphEmulator.Mail;

namespace M365Scanner.GraphEmulator.Graph;

/// <summary>Writes a fileAttachment as Graph does: every property with contentBytes as base64, or, under $select,
/// @odata.type, id and the selected properties.</summary>
internal static class AttachmentJson
{
    public static void Write(Utf8JsonWriter w, StoredAttachment a, AttachmentSelect select)
    {
        w.WriteStartObject();
        w.WriteString("@odata.type", "#microsoft.graph.fileAttachment");
        if (select.IsAll) w.WriteString("@odata.mediaContentType", a.ContentType);
        w.WriteString("id", a.Id);
        if (select.Has("lastModifiedDateTime")) w.WriteString("lastModifiedDateTime", JsonWriting.Date(a.LastModifiedDateTime));
        if (select.Has("name")) w.WriteString("name", a.Name);
        if (select.Has("contentType")) w.WriteString("contentType", a.ContentType);
        if (select.Has("size")) w.WriteNumber("size", a.Size);
        if (select.Has("isInline")) w.WriteBoolean("isInline", a.IsInline);
        if (select.Has("contentId")) w.WriteString("contentId", a.ContentId);
        if (select.Has("contentLocation")) w.WriteNull("contentLocation");
        if (select.Has("contentBytes")) w.WriteBase64String("contentBytes", a.Content);
        w.WriteEndObject();
    }
}
