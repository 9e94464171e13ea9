using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using M365Scanner.GraphEmulator.Mail;

namespace M365Scanner.GraphEmulator.Graph;

/// <summary>Writes a message in Graph v1.0's JSON shape. Without $select it writes Graph's default property set
/// (which leaves out uniqueBody and internetMessageHeaders, as Graph does); with $select it writes id, @odata.etag
/// and the selected properties only.</summary>
internal static partial class MessageJson
{
    public static void Write(Utf8JsonWriter w, StoredMessage m, MessageView view, bool withODataType = false)
    {
        bool Has(string name) => view.Select is null ? !NonDefault(name) : view.Select.Contains(name);

        w.WriteStartObject();
        if (withODataType) w.WriteString("@odata.type", "#microsoft.graph.message");
        w.WriteString("@odata.etag", $"W/\"{m.ChangeKey}\"");
        w.WriteString("id", m.Id);
        if (Has("createdDateTime")) w.WriteString("createdDateTime", JsonWriting.Date(m.CreatedDateTime));
        if (Has("lastModifiedDateTime")) w.WriteString("lastModifiedDateTime", JsonWriting.Date(m.LastModifiedDateTime));
        if (Has("changeKey")) w.WriteString("changeKey", m.ChangeKey);
        if (Has("categories"))
        {
            w.WriteStartArray("categories");
            foreach (var c in m.Categories) w.WriteStringValue(c);
            w.WriteEndArray();
        }
        if (Has("receivedDateTime")) w.WriteString("receivedDateTime", JsonWriting.Date(m.ReceivedDateTime));
        if (Has("sentDateTime")) w.WriteString("sentDateTime", JsonWriting.Date(m.SentDateTime));
        if (Has("hasAttachments")) w.WriteBoolean("hasAttachments", m.HasAttachments);
        if (Has("internetMessageId")) w.WriteString("internetMessageId", m.InternetMessageId);
        if (Has("subject")) w.WriteString("subject", m.Subject);
        if (Has("bodyPreview")) w.WriteString("bodyPreview", Preview(m.Body));
        if (Has("importance")) w.WriteString("importance", m.Importance);
        if (Has("parentFolderId")) w.WriteString("parentFolderId", m.FolderId);
        if (Has("conversationId")) w.WriteString("conversationId", m.ConversationId);
        if (Has("isDeliveryReceiptRequested")) w.WriteBoolean("isDeliveryReceiptRequested", false);
        if (Has("isReadReceiptRequested")) w.WriteBoolean("isReadReceiptRequested", false);
        if (Has("isRead")) w.WriteBoolean("isRead", m.IsRead);
        if (Has("isDraft")) w.WriteBoolean("isDraft", m.IsDraft);
        if (Has("webLink")) w.WriteString("webLink", $"https://outlook.office365.com/owa/?ItemID={WebUtility.UrlEncode(m.Id)}&exvsurl=1&viewmodel=ReadMessageItem");
        if (Has("inferenceClassification")) w.WriteString("inferenceClassification", "focused");
        if (Has("body")) WriteBody(w, "body", m.Body, view.PreferredBodyType);
        // Exchange computes the part not quoted from earlier mail; the emulator returns the whole body.
        if (Has("uniqueBody")) WriteBody(w, "uniqueBody", m.Body, view.PreferredBodyType);
        if (Has("sender")) w.WriteRecipient("sender", m.Sender);
        if (Has("from")) w.WriteRecipient("from", m.From);
        if (Has("toRecipients")) w.WriteRecipients("toRecipients", m.ToRecipients);
        if (Has("ccRecipients")) w.WriteRecipients("ccRecipients", m.CcRecipients);
        if (Has("bccRecipients")) w.WriteRecipients("bccRecipients", m.BccRecipients);
        if (Has("replyTo")) w.WriteRecipients("replyTo", m.ReplyTo);
        if (Has("flag"))
        {
            w.WriteStartObject("flag");
            w.WriteString("flagStatus", m.FlagStatus);
            w.WriteEndObject();
        }
        if (Has("internetMessageHeaders"))
        {
            w.WriteStartArray("internetMessageHeaders");
            foreach (var h in m.InternetMessageHeaders)
            {
                w.WriteStartObject();
                w.WriteString("name", h.Key);
                w.WriteString("value", h.Value);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (view.ExpandAttachments)
        {
            w.WriteStartArray("attachments");
            foreach (var a in m.Attachments) AttachmentJson.Write(w, a, view.Attachments);
            w.WriteEndArray();
        }
        if (view.ExpandExtendedProperties)
        {
            w.WriteStartArray("singleValueExtendedProperties");
            foreach (var p in m.ExtendedProperties.Where(p => view.ExtendedPropertyIds is null || view.ExtendedPropertyIds.Contains(p.Id)))
            {
                w.WriteStartObject();
                w.WriteString("id", p.Id);
                w.WriteString("value", p.Value);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static bool NonDefault(string name) => name is "uniqueBody" or "internetMessageHeaders";

    private static void WriteBody(Utf8JsonWriter w, string name, MessageBody body, string? preferred)
    {
        var shown = preferred switch
        {
            "text" when body.IsHtml => new MessageBody("text", HtmlToText(body.Content)),
            "html" when !body.IsHtml => new MessageBody("html", "<html><body><pre>" + WebUtility.HtmlEncode(body.Content) + "</pre></body></html>"),
            _ => body,
        };
        w.WriteStartObject(name);
        w.WriteString("contentType", shown.ContentType);
        w.WriteString("content", shown.Content);
        w.WriteEndObject();
    }

    private static string Preview(MessageBody body)
    {
        var text = body.IsHtml ? HtmlToText(body.Content) : body.Content;
        text = Whitespace().Replace(text, " ").Trim();
        return text.Length <= 255 ? text : text[..255];
    }

    private static string HtmlToText(string html) =>
        WebUtility.HtmlDecode(Tags().Replace(StyleOrScript().Replace(html, ""), " "));

    [GeneratedRegex(@"<(style|script)[^>]*>.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex StyleOrScript();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
