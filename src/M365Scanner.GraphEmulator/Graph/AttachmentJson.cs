using System.Text.Json;
using M365Scanner.GraphEmulator.Mail;

namespace M365Scanner.GraphEmulator.Graph;

/// <summary>Writes a fileAttachment as Graph does (contentBytes as base64).</summary>
internal static class AttachmentJson
{
    public static void Write(Utf8JsonWriter w, StoredAttachment a, bool withContent)
    {
        w.WriteStartObject();
        w.WriteString("@odata.type", "#microsoft.graph.fileAttachment");
        w.WriteString("@odata.mediaContentType", a.ContentType);
        w.WriteString("id", a.Id);
        w.WriteString("lastModifiedDateTime", JsonWriting.Date(a.LastModifiedDateTime));
        w.WriteString("name", a.Name);
        w.WriteString("contentType", a.ContentType);
        w.WriteNumber("size", a.Content.Length);
        w.WriteBoolean("isInline", a.IsInline);
        w.WriteString("contentId", a.ContentId);
        w.WriteNull("contentLocation");
        if (withContent) w.WriteBase64String("contentBytes", a.Content);
        w.WriteEndObject();
    }
}
