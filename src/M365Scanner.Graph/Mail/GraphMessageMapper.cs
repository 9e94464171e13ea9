using M365Scanner.Core.Mail;
using Microsoft.Graph.Models;
using GraphAttachment = Microsoft.Graph.Models.Attachment;
using EmailAddress = M365Scanner.Core.Mail.EmailAddress;

namespace M365Scanner.Graph.Mail;

/// <summary>Maps a Graph <see cref="Message"/> (read with <see cref="MessageFields"/>) onto the core
/// <see cref="EmailMessage"/>. Pure: no requests.</summary>
/// <remarks>Message ids (Message-ID, In-Reply-To, References) lose their angle brackets, as MimeKit gives them for
/// .eml input, so the two sources agree. Attachment bytes over <c>maxAttachmentBytes</c> are dropped (the size is
/// kept), so scoring sees <see cref="EmailAttachment.HasContent"/> false rather than a partial file; an attachment
/// whose bytes were not read maps with its size and no content.
/// Reference attachments (links to cloud files) have no bytes in v1.0 and are left out.</remarks>
public static class GraphMessageMapper
{
    private static readonly string[] AuthenticationHeaders = ["Authentication-Results", "ARC-Authentication-Results"];

    /// <param name="fetched">Bytes fetched separately (by /$value) for attachments that arrived without contentBytes, by id.</param>
    public static EmailMessage Map(Message message, IReadOnlyDictionary<string, byte[]>? fetched = null, long maxAttachmentBytes = long.MaxValue)
    {
        var read = new FetchedAttachments();
        foreach (var (id, bytes) in fetched ?? new Dictionary<string, byte[]>()) read.Bytes[id] = bytes;
        return Map(message, read, maxAttachmentBytes);
    }

    internal static EmailMessage Map(Message message, FetchedAttachments fetched, long maxAttachmentBytes)
    {
        ArgumentNullException.ThrowIfNull(message);
        var headers = (message.InternetMessageHeaders ?? [])
            .Where(h => !string.IsNullOrEmpty(h.Name))
            .Select(h => new MessageHeader(h.Name!, h.Value ?? ""))
            .ToList();
        var isHtml = message.Body?.ContentType == BodyType.Html;
        return new EmailMessage
        {
            InternetMessageId = MessageId(message.InternetMessageId),
            Subject = message.Subject,
            From = Address(message.From),
            Sender = Address(message.Sender),
            ReplyTo = Addresses(message.ReplyTo),
            To = Addresses(message.ToRecipients),
            Cc = Addresses(message.CcRecipients),
            Bcc = Addresses(message.BccRecipients),
            SentAt = message.SentDateTime,
            ReceivedAt = message.ReceivedDateTime,
            InReplyTo = MessageId(Header(headers, "In-Reply-To")),
            References = [.. (Header(headers, "References") ?? "")
                .Split([' ', '\t', '\r', '\n', ','], StringSplitOptions.RemoveEmptyEntries)
                .Select(MessageId).OfType<string>()],
            AuthenticationResults = [.. headers
                .Where(h => AuthenticationHeaders.Contains(h.Name, StringComparer.OrdinalIgnoreCase))
                .Select(h => h.Value)],
            Headers = headers,
            HtmlBody = isHtml ? message.Body?.Content : null,
            TextBody = isHtml ? null : message.Body?.Content,
            Attachments = [.. Mappable(message).Select((a, i) => Attachment(a, i + 1, fetched, maxAttachmentBytes))],
        };
    }

    /// <summary>The attachments that become <see cref="EmailMessage.Attachments"/>, in that order.</summary>
    internal static IEnumerable<GraphAttachment> Mappable(Message message) =>
        (message.Attachments ?? []).Where(a => a is not ReferenceAttachment);

    private static EmailAttachment Attachment(GraphAttachment a, int index, FetchedAttachments fetched, long cap)
    {
        var bytes = (a as FileAttachment)?.ContentBytes
                    ?? (a.Id is not null && fetched.Bytes.TryGetValue(a.Id, out var f) ? f : []);
        long size = a.Size is > 0 ? a.Size.Value : bytes.Length;
        // A declared size can understate: what the read found counts.
        if (a.Id is not null && fetched.OverCapSizes.TryGetValue(a.Id, out var found)) size = Math.Max(size, found);
        if (bytes.Length > cap) bytes = [];
        var contentType = string.IsNullOrWhiteSpace(a.ContentType)
            ? (a is ItemAttachment ? "message/rfc822" : "application/octet-stream")
            : a.ContentType.Trim().ToLowerInvariant();
        var name = string.IsNullOrWhiteSpace(a.Name) ? $"attachment-{index}" : a.Name.Trim();
        return new EmailAttachment(name, contentType, bytes, size, a.IsInline ?? false);
    }

    private static string? Header(List<MessageHeader> headers, string name) =>
        headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase))?.Value;

    private static string? MessageId(string? value)
    {
        var trimmed = value?.Trim().Trim('<', '>').Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    private static EmailAddress? Address(Recipient? recipient) =>
        recipient?.EmailAddress is { } e && (!string.IsNullOrWhiteSpace(e.Address) || !string.IsNullOrWhiteSpace(e.Name))
            ? new EmailAddress(e.Address ?? "", string.IsNullOrWhiteSpace(e.Name) ? null : e.Name)
            : null;

    private static List<EmailAddress> Addresses(List<Recipient>? recipients) =>
        [.. (recipients ?? []).Select(Address).OfType<EmailAddress>()];
}
