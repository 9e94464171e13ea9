using MimeKit;

namespace M365Scanner.Core.Mail;

/// <summary>Maps a parsed MimeKit message onto the core <see cref="EmailMessage"/> model.</summary>
/// <remarks>
/// Every leaf part that is not the message's displayed text or HTML body becomes an attachment, whatever its
/// Content-Disposition says: phishing kits often send a PDF as an "inline" part or with no disposition at all,
/// and a link there is as clickable as in a declared attachment.
/// </remarks>
public static class MimeMessageMapper
{
    private static readonly string[] AuthenticationHeaders = ["Authentication-Results", "ARC-Authentication-Results"];

    public static EmailMessage Map(MimeMessage mime)
    {
        ArgumentNullException.ThrowIfNull(mime);
        MimeCharsets.EnsureRegistered();
        var (textPart, htmlPart) = DisplayedBodies(mime);
        return new EmailMessage
        {
            InternetMessageId = NullIfEmpty(mime.MessageId),
            Subject = mime.Subject,
            From = mime.From.Mailboxes.Select(ToAddress).FirstOrDefault(),
            Sender = mime.Sender is null ? null : ToAddress(mime.Sender),
            ReplyTo = Addresses(mime.ReplyTo),
            To = Addresses(mime.To),
            Cc = Addresses(mime.Cc),
            Bcc = Addresses(mime.Bcc),
            SentAt = mime.Headers.Contains(HeaderId.Date) && mime.Date != DateTimeOffset.MinValue ? mime.Date : null,
            InReplyTo = NullIfEmpty(mime.InReplyTo),
            References = [.. mime.References],
            AuthenticationResults = [.. mime.Headers
                .Where(h => AuthenticationHeaders.Contains(h.Field, StringComparer.OrdinalIgnoreCase))
                .Select(h => h.Value)],
            Headers = Headers(mime.Headers),
            TextBody = textPart is null ? null : MimeText.Of(textPart),
            HtmlBody = htmlPart is null ? null : MimeText.Of(htmlPart),
            Attachments = Attachments(mime, textPart, htmlPart),
        };
    }

    private static MessageHeader[] Headers(HeaderList headers)
    {
        var fields = new MessageHeader[headers.Count];
        for (var i = 0; i < fields.Length; i++)
            fields[i] = new MessageHeader(headers[i]);
        return fields;
    }

    private static List<EmailAttachment> Attachments(MimeMessage mime, TextPart? textPart, TextPart? htmlPart)
    {
        var attachments = new List<EmailAttachment>();
        var index = 0;
        foreach (var part in mime.BodyParts)
        {
            index++;
            if (ReferenceEquals(part, textPart) || ReferenceEquals(part, htmlPart))
                continue;
            attachments.Add(Attachment(part, index));
        }
        return attachments;
    }

    // A large base64 part read in place is decoded only when a reader wants more than its first bytes: most are images.
    private static EmailAttachment Attachment(MimeEntity part, int index)
    {
        var name = FileNameOf(part, index);
        var type = part.ContentType.MimeType.ToLowerInvariant();
        var inline = part.ContentDisposition?.Disposition == ContentDisposition.Inline;
        if (part is MimePart mimePart && Base64InPlace.TryFind(mimePart, out var encoded) &&
            encoded.Count > 4 * EmailAttachment.SniffLength &&
            Base64InPlace.FirstBytes(encoded, EmailAttachment.SniffLength) is { } first)
            return EmailAttachment.DecodedOnFirstUse(name, type, first, Base64InPlace.DecodedSize(encoded), inline,
                () => Base64InPlace.Decode(encoded));
        var bytes = MimePartBytes.Decoded(part);
        return new EmailAttachment(name, type, bytes, bytes.Length, inline);
    }

    // What the reader sees as the message: the first inline text/plain and text/html parts, as MimeKit's own
    // TextBody/HtmlBody choose them for ordinary mail. Picked by reference, so no part is decoded twice (decoding
    // every text part again to compare it with the body was most of the mapping's cost). A text part declared an
    // attachment ("notes.txt") stays an attachment.
    public static (TextPart? Text, TextPart? Html) DisplayedBodies(MimeMessage mime)
    {
        TextPart? text = null, html = null;
        foreach (var part in mime.BodyParts)
        {
            if (part is not TextPart { IsAttachment: false } candidate)
                continue;
            if (candidate.IsHtml)
                html ??= candidate;
            else if (candidate.IsPlain)
                text ??= candidate;
            if (text is not null && html is not null)
                break;
        }
        return (text, html);
    }

    private static string FileNameOf(MimeEntity part, int index)
    {
        var name = (part as MimePart)?.FileName ?? part.ContentDisposition?.FileName ?? part.ContentType.Name;
        if (!string.IsNullOrWhiteSpace(name))
            return name.Trim();
        var extension = part switch
        {
            MessagePart => ".eml",
            _ => MimeTypes.TryGetExtension(part.ContentType.MimeType, out var ext) ? ext : ".bin",
        };
        return $"attachment-{index}{extension}";
    }

    private static List<EmailAddress> Addresses(InternetAddressList list) => [.. list.Mailboxes.Select(ToAddress)];

    private static EmailAddress ToAddress(MailboxAddress mailbox) =>
        new(mailbox.Address ?? "", string.IsNullOrWhiteSpace(mailbox.Name) ? null : mailbox.Name);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
