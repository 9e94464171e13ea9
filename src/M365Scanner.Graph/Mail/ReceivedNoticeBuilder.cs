using System.Globalization;
using Microsoft.Graph.Models;

namespace M365Scanner.Graph.Mail;

/// <summary>Builds the create-message body of a <see cref="ReceivedNotice"/>: stored by Exchange as received, unread
/// mail (PidTagMessageFlags without MSGFLAG_UNSENT, settable only at creation, as for a rewritten copy: see
/// <see cref="ReceivedCopyBuilder"/>), so the user reads it and cannot edit and send it as a draft.</summary>
internal static class ReceivedNoticeBuilder
{
    /// <param name="marker">The notice's <see cref="ReceivedNotice.Marker"/>, tagged (<see cref="OwnMessageMarker.Mark"/>).</param>
    public static Message Build(ReceivedNotice notice, string marker)
    {
        var at = notice.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        return new Message
        {
            Subject = notice.Subject,
            Body = new ItemBody { ContentType = BodyType.Html, Content = notice.HtmlBody },
            From = Recipient(notice.FromAddress, notice.FromName),
            Sender = Recipient(notice.FromAddress, notice.FromName),
            ToRecipients = [Recipient(notice.To, null)],
            InternetMessageId = $"<{notice.InternetMessageId}>",
            IsRead = false,
            SingleValueExtendedProperties =
            [
                new() { Id = "Integer 0x0E07", Value = "0" },
                new() { Id = MessageFields.CopyOfPropertyId, Value = marker },
                new() { Id = "SystemTime 0x0E06", Value = at },
                new() { Id = "SystemTime 0x0039", Value = at },
            ],
        };
    }

    private static Recipient Recipient(string address, string? name) =>
        new() { EmailAddress = new EmailAddress { Address = address, Name = name } };
}
