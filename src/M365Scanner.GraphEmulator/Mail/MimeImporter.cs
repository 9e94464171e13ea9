using System.Collections.Immutable;
using MimeKit;

namespace M365Scanner.GraphEmulator.Mail;

/// <summary>Maps a MIME message onto the properties Graph shows for a received message (the mapping Exchange
/// does on delivery): addresses, headers, body (HTML preferred over text), attachments, dates.</summary>
internal static class MimeImporter
{
    // First of the fields, as static initializers run in order: the charsets must be registered before MimeKit builds
    // its charset table, for an emulator hosted in a process that has not registered them.
    private static readonly bool CharsetsRegistered = RegisterCharsets();

    private static readonly ParserOptions Lenient = new() { AddressParserComplianceMode = RfcComplianceMode.Loose };

    private static bool RegisterCharsets()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        return true;
    }

    /// <summary>Builds a received (non-draft) message template; id, folder and sequence are assigned by the mailbox.</summary>
    /// <param name="mime">The raw RFC 822 message.</param>
    /// <param name="receivedAt">Delivery time; null takes the Date header (seeding old mail keeps its dates).</param>
    /// <param name="now">Creation time of the mailbox item.</param>
    public static StoredMessage Import(byte[] mime, DateTimeOffset? receivedAt, DateTimeOffset now)
    {
        using var stream = new MemoryStream(mime, writable: false);
        var message = MimeMessage.Load(Lenient, stream);
        var sent = message.Date == DateTimeOffset.MinValue ? (receivedAt ?? now) : message.Date.ToUniversalTime();
        var received = (receivedAt ?? sent).ToUniversalTime();
        var from = message.From.Mailboxes.Select(ToRecipient).FirstOrDefault();
        var sender = message.Sender is { } s ? ToRecipient(s) : from;
        var body = message.HtmlBody is { } html ? new MessageBody("html", html) : new MessageBody("text", message.TextBody ?? "");

        return new StoredMessage
        {
            Id = "",
            FolderId = "",
            ChangeKey = "",
            CreatedDateTime = now,
            LastModifiedDateTime = now,
            ReceivedDateTime = Truncate(received),
            SentDateTime = Truncate(sent.ToUniversalTime()),
            Subject = message.Subject ?? "",
            From = from,
            Sender = sender,
            ToRecipients = Recipients(message.To),
            CcRecipients = Recipients(message.Cc),
            BccRecipients = Recipients(message.Bcc),
            ReplyTo = Recipients(message.ReplyTo),
            InternetMessageId = string.IsNullOrEmpty(message.MessageId) ? null : "<" + message.MessageId + ">",
            InternetMessageHeaders = [.. message.Headers.Select(h => KeyValuePair.Create(h.Field, h.Value.Trim()))],
            Body = body,
            Importance = message.Importance switch
            {
                MessageImportance.High => "high",
                MessageImportance.Low => "low",
                _ => "normal",
            },
            IsRead = false,
            IsDraft = false,
            ConversationId = ConversationIds.For(message.Subject),
            Attachments = Attachments(message, now),
            Mime = mime,
        };
    }

    private static ImmutableArray<StoredAttachment> Attachments(MimeMessage message, DateTimeOffset now)
    {
        var result = ImmutableArray.CreateBuilder<StoredAttachment>();
        foreach (var entity in message.BodyParts)
        {
            var isAttachment = entity.IsAttachment;
            var isInlineResource = !isAttachment && entity.ContentId is not null && entity.ContentType.MediaType is not "text";
            if (!isAttachment && !isInlineResource) continue;
            using var content = new MemoryStream();
            string name;
            switch (entity)
            {
                case MimePart part:
                    part.Content?.DecodeTo(content);
                    name = part.FileName ?? "Untitled attachment";
                    break;
                case MessagePart attached:
                    attached.Message?.WriteTo(content);
                    name = (attached.Message?.Subject is { Length: > 0 } sub ? sub : "Attached message") + ".eml";
                    break;
                default:
                    continue;
            }
            result.Add(new StoredAttachment(GraphIds.NewAttachmentId(), name, entity.ContentType.MimeType, content.ToArray(),
                IsInline: isInlineResource || entity.ContentDisposition?.Disposition == ContentDisposition.Inline && entity.ContentId is not null,
                entity.ContentId, now));
        }
        return result.ToImmutable();
    }

    private static ImmutableArray<Recipient> Recipients(InternetAddressList list) => [.. list.Mailboxes.Select(ToRecipient)];

    private static Recipient ToRecipient(MailboxAddress m) => new(string.IsNullOrEmpty(m.Name) ? m.Address : m.Name, m.Address);

    private static DateTimeOffset Truncate(DateTimeOffset t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
