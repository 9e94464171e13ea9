namespace M365Scanner.Graph.Mail;

/// <summary>The query of the GET a scan starts with: every property scoring and a rewritten copy need, and the
/// attachments as metadata only (no bytes), so that no attachment is in memory before its declared size has been
/// checked against the cap; <see cref="AttachmentFetcher"/> then reads the bytes of those within it.</summary>
internal static class MessageFields
{
    /// <summary>Named property marking the scanner's own messages, which nothing scans: its rewritten copies (the value is
    /// the original's Graph id) and its held-message notices (the value names the held message, see <see cref="ReceivedNotice"/>),
    /// each value tagged by <see cref="OwnMessageMarker"/> so that nobody else can write one that is believed.</summary>
    public const string CopyOfPropertyId = "String {6f1c2a8e-4b7d-4e0a-9c35-2d8f1b6e7a40} Name M365ScannerCopyOf";

    /// <summary>Before the original's id in <see cref="CopyOfPropertyId"/> while a copy is not whole yet: set at the
    /// create of a copy whose large attachments follow it, replaced by the bare id once the last one is added. The
    /// value stays non-null throughout, so the copy is recognised as the scanner's own at every moment.</summary>
    public const string UnfinishedCopyPrefix = "unfinished:";

    /// <summary>The $expand that brings <see cref="CopyOfPropertyId"/> with a message, and no other extended property.</summary>
    public const string CopyOfExpand = $"singleValueExtendedProperties($filter=id eq '{CopyOfPropertyId}')";

    /// <summary>The stored value of <see cref="CopyOfPropertyId"/> on <paramref name="m"/> (read with it expanded), as
    /// stored: <see cref="OwnMessageMarker.Read"/> says whether it is ours.</summary>
    public static string? CopyOfValue(Microsoft.Graph.Models.Message m) => m.SingleValueExtendedProperties?.FirstOrDefault(p =>
        string.Equals(p.Id, CopyOfPropertyId, StringComparison.OrdinalIgnoreCase))?.Value;

    public static readonly string[] Select =
    [
        "id", "parentFolderId", "isRead", "isDraft", "categories", "receivedDateTime", "sentDateTime", "internetMessageId",
        "hasAttachments", "subject", "body", "from", "sender", "replyTo", "toRecipients", "ccRecipients", "bccRecipients",
        "importance", "flag", "internetMessageHeaders",
    ];

    // hasAttachments is unknown before the GET (and false for a message with only inline images), so the metadata is
    // always expanded: an empty array costs nothing. The collection is typed as the base attachment, so contentId, a
    // fileAttachment property the copy needs for inline images, must be cast; named plainly Graph refuses the whole
    // request (400 "Could not find a property named 'contentId' on type 'microsoft.graph.attachment'"). Without
    // contentBytes selected none arrive; @odata.type still tells file, item and reference attachments apart.
    public const string AttachmentMetadata =
        "attachments($select=id,name,contentType,size,isInline,microsoft.graph.fileAttachment/contentId)";

    public static readonly string[] Expand =
    [
        AttachmentMetadata,
        CopyOfExpand,
    ];
}
