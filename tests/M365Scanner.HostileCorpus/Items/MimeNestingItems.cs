using M365Scanner.HostileCorpus.Mail;
using MimeKit;

namespace M365Scanner.HostileCorpus.Items;

/// <summary>Messages nested deeper than the readers follow (issue 11, finding 4: past ~64 multipart levels the link
/// vanished without a note).</summary>
internal static class MimeNestingItems
{
    public static IEnumerable<HostileItem> All =>
    [
        new HostileItem
        {
            Name = "mime-multipart-100-deep",
            Description = "multipart/mixed nested 100 levels deep, the link in the innermost (HTML) text part",
            Build = url =>
            {
                MimeEntity body = LureMessage.Html($"<p>Your invoice is ready: {LureMessage.LureAnchor(url)}</p>");
                for (var level = 0; level < 100; level++)
                    body = new Multipart("mixed") { body };
                return LureMessage.With("mime-multipart-100-deep", body);
            },
        },
        new HostileItem
        {
            Name = "mime-rfc822-10-deep",
            Description = "message/rfc822 attachments nested 10 deep (forward of a forward...), the link in the innermost body",
            Build = url =>
            {
                var message = LureMessage.With("mime-rfc822-10-deep",
                    LureMessage.Html($"<p>Your invoice is ready: {LureMessage.LureAnchor(url)}</p>"));
                for (var level = 10; level >= 1; level--)
                    message = LureMessage.With("mime-rfc822-10-deep", new Multipart("mixed")
                    {
                        new TextPart("plain") { Text = "Forwarding the message below.\r\n" },
                        new MessagePart { Message = message, ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = $"forwarded-{level}.eml" } },
                    });
                return message;
            },
        },
    ];
}
