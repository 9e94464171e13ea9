using MimeKit;

namespace M365Scanner.HostileCorpus.Mail;

/// <summary>The envelope every item travels in: the attacker writes to the victim, with a fixed date (so a scan is
/// reproducible) and a Message-ID naming the item.</summary>
public static class LureMessage
{
    private static readonly DateTimeOffset Sent = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A message whose body is <paramref name="body"/>.</summary>
    public static MimeMessage With(string itemName, MimeEntity body)
    {
        var message = new MimeMessage
        {
            Subject = $"Invoice 2026-0311 ({itemName})",
            Date = Sent,
            MessageId = $"{itemName}@evil-sender.example",
            Body = body,
        };
        message.From.Add(new MailboxAddress("Accounts Payable", Lure.Sender));
        message.To.Add(new MailboxAddress("Victim", Lure.Recipient));
        return message;
    }

    /// <summary>A short harmless text and one attachment: the attachment is where the link hides.</summary>
    public static MimeMessage WithAttachment(string itemName, MimeEntity attachment) =>
        With(itemName, new Multipart("mixed")
        {
            new TextPart("plain") { Text = "Hello,\r\n\r\nplease find the invoice attached.\r\n\r\nKind regards\r\n" },
            attachment,
        });

    /// <summary>An attachment of <paramref name="content"/>, base64 as mailers send binaries.</summary>
    public static MimePart Attachment(string fileName, string mediaType, string mediaSubtype, byte[] content) =>
        new(mediaType, mediaSubtype)
        {
            Content = new MimeContent(new MemoryStream(content, writable: false)),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = fileName,
        };

    /// <summary>An HTML part, quoted-printable so that long lines (a wrapped URL) stay within the line limit.</summary>
    public static TextPart Html(string html) =>
        new("html") { Text = html, ContentTransferEncoding = ContentEncoding.QuotedPrintable };

    /// <summary>The lure as HTML: the trusted address shown, the malicious one linked.</summary>
    public static string LureAnchor(string url) => $"<a href=\"{url}\">{Lure.DisplayText}</a>";
}
