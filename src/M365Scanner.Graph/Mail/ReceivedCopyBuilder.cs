using System.Globalization;
using Microsoft.Graph.Models;

namespace M365Scanner.Graph.Mail;

/// <summary>Builds the create-message body of a copy that Exchange stores as received mail, not a draft.</summary>
/// <remarks>
/// Graph's v1.0 create makes a draft unless PidTagMessageFlags (0x0E07) is given without MSGFLAG_UNSENT, and that
/// flag can be set only at creation; PidTagMessageDeliveryTime (0x0E06) and PidTagClientSubmitTime (0x0039) carry the
/// original's received and sent times, which Graph otherwise sets to now. From, sender, recipients, subject and
/// internetMessageId are writable at creation (afterwards only on drafts). The original's transport headers
/// (Received, Authentication-Results...) cannot be written: create accepts only custom X- headers.
/// </remarks>
internal static class ReceivedCopyBuilder
{
    private const int MsgFlagRead = 0x1;

    /// <param name="marker">The copy's own-message marker, tagged (<see cref="OwnMessageMarker.Mark"/>): the original's id,
    /// after <see cref="MessageFields.UnfinishedCopyPrefix"/> when attachments follow the create.</param>
    /// <param name="attachmentBytes">Bytes of every mapped attachment, in <see cref="GraphMessageMapper.Mappable"/> order.</param>
    /// <param name="inline">Which of them the create carries (by index); all when null. The others are added to the
    /// copy after it exists (<see cref="CopyAttachmentPlan"/>).</param>
    public static Message Build(Message original, ReceivedCopy copy, string marker, IReadOnlyList<byte[]> attachmentBytes, IReadOnlySet<int>? inline = null)
    {
        var isHtml = original.Body?.ContentType == BodyType.Html;
        var content = (isHtml ? copy.HtmlBody ?? copy.TextBody : copy.TextBody ?? copy.HtmlBody)
                      ?? throw new ArgumentException("The copy needs a body.", nameof(copy));
        var isRead = original.IsRead ?? false;
        var properties = new List<SingleValueLegacyExtendedProperty>
        {
            new() { Id = "Integer 0x0E07", Value = (isRead ? MsgFlagRead : 0).ToString(CultureInfo.InvariantCulture) },
            new() { Id = MessageFields.CopyOfPropertyId, Value = marker },
        };
        if (original.ReceivedDateTime is { } received)
            properties.Add(new() { Id = "SystemTime 0x0E06", Value = Iso(received) });
        if (original.SentDateTime is { } sent)
            properties.Add(new() { Id = "SystemTime 0x0039", Value = Iso(sent) });

        var sources = GraphMessageMapper.Mappable(original).ToList();
        if (sources.Count != attachmentBytes.Count)
            throw new ArgumentException("One byte array per attachment is required.", nameof(attachmentBytes));
        return new Message
        {
            Subject = original.Subject,
            Body = new ItemBody { ContentType = isHtml ? BodyType.Html : BodyType.Text, Content = content },
            From = Clone(original.From),
            Sender = Clone(original.Sender),
            ToRecipients = Clone(original.ToRecipients),
            CcRecipients = Clone(original.CcRecipients),
            BccRecipients = Clone(original.BccRecipients),
            ReplyTo = Clone(original.ReplyTo),
            InternetMessageId = original.InternetMessageId,
            Importance = original.Importance,
            Categories = original.Categories is null ? null : [.. original.Categories],
            Flag = original.Flag?.FlagStatus is { } status ? new FollowupFlag { FlagStatus = status } : null,
            IsRead = isRead,
            SingleValueExtendedProperties = properties,
            Attachments = [.. sources.Select((a, i) => (a, i)).Where(x => inline is null || inline.Contains(x.i))
                .Select(x => (Attachment)Attachment(x.a, attachmentBytes[x.i]))],
        };
    }

    /// <summary>The copy's file attachment for <paramref name="source"/> (an item attachment becomes its MIME, message/rfc822).</summary>
    public static FileAttachment Attachment(Attachment source, byte[] bytes) => new()
    {
        OdataType = "#microsoft.graph.fileAttachment",
        Name = source.Name,
        ContentType = ContentTypeOf(source),
        IsInline = source.IsInline,
        ContentId = (source as FileAttachment)?.ContentId,
        ContentBytes = bytes,
    };

    /// <summary>What an upload session for <paramref name="source"/> declares: the same name, type and inline content id
    /// as <see cref="Attachment"/> gives, and the size.</summary>
    public static AttachmentItem UploadItem(Attachment source, long size) => new()
    {
        AttachmentType = AttachmentType.File,
        Name = source.Name,
        ContentType = ContentTypeOf(source),
        Size = size,
        IsInline = source.IsInline is true ? true : null,
        ContentId = source.IsInline is true ? (source as FileAttachment)?.ContentId : null,
    };

    private static string? ContentTypeOf(Attachment a) => a.ContentType ?? (a is ItemAttachment ? "message/rfc822" : null);

    // The SDK's backing store serialises only properties changed since deserialisation, so a recipient read from
    // Graph and put into a new message would be sent as {}; fresh objects are sent whole.
    private static Recipient? Clone(Recipient? r) =>
        r?.EmailAddress is null ? null : new Recipient { EmailAddress = new EmailAddress { Address = r.EmailAddress.Address, Name = r.EmailAddress.Name } };

    private static List<Recipient>? Clone(List<Recipient>? list) => list is null ? null : [.. list.Select(Clone).OfType<Recipient>()];

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
