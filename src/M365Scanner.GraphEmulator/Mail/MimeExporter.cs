using MimeKit;

namespace M365Scanner.GraphEmulator.Mail;

/// <summary>Writes MIME for a message that was created from JSON (Exchange generates MIME on demand in the same way).</summary>
internal static class MimeExporter
{
    public static byte[] Export(StoredMessage m)
    {
        if (m.Mime is { } original) return original;
        var message = new MimeMessage();
        if (m.From is { } from) message.From.Add(Address(from));
        if (m.Sender is { } sender && m.From is not null && sender.Address != m.From.Address) message.Sender = Address(sender);
        message.To.AddRange(m.ToRecipients.Select(Address));
        message.Cc.AddRange(m.CcRecipients.Select(Address));
        message.Bcc.AddRange(m.BccRecipients.Select(Address));
        message.ReplyTo.AddRange(m.ReplyTo.Select(Address));
        message.Subject = m.Subject ?? "";
        message.Date = m.SentDateTime;
        if (m.InternetMessageId is { } id) message.MessageId = id.Trim('<', '>');
        foreach (var header in m.InternetMessageHeaders)
            if (header.Key.StartsWith("X-", StringComparison.OrdinalIgnoreCase)) message.Headers.Add(header.Key, header.Value);

        var builder = new BodyBuilder();
        if (m.Body.IsHtml) builder.HtmlBody = m.Body.Content; else builder.TextBody = m.Body.Content;
        foreach (var a in m.Attachments)
        {
            var entity = builder.Attachments.Add(a.Name, a.Content, ContentType.Parse(a.ContentType));
            if (a.ContentId is not null) entity.ContentId = a.ContentId;
        }
        message.Body = builder.ToMessageBody();
        using var output = new MemoryStream();
        message.WriteTo(output);
        return output.ToArray();
    }

    private static MailboxAddress Address(Recipient r) => new(r.Name ?? "", r.Address);
}
