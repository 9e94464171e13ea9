namespace M365Scanner.Graph.Mail;

/// <summary>The query of the one GET a scan makes: every property scoring and a rewritten copy need, and the
/// attachments with their bytes, so a message costs one request however many attachments it has.</summary>
internal static class MessageFields
{
    /// <summary>Named property marking the scanner's own copies (its value is the original's Graph id).</summary>
    public const string CopyOfPropertyId = "String {6f1c2a8e-4b7d-4e0a-9c35-2d8f1b6e7a40} Name M365ScannerCopyOf";

    public static readonly string[] Select =
    [
        "id", "parentFolderId", "isRead", "isDraft", "categories", "receivedDateTime", "sentDateTime", "internetMessageId",
        "hasAttachments", "subject", "body", "from", "sender", "replyTo", "toRecipients", "ccRecipients", "bccRecipients",
        "importance", "flag", "internetMessageHeaders",
    ];

    // hasAttachments is unknown before the GET, so attachments are always expanded: an empty array costs nothing,
    // and a second round trip for the common case of a message with a PDF would double the cost.
    public static readonly string[] Expand =
    [
        "attachments",
        $"singleValueExtendedProperties($filter=id eq '{CopyOfPropertyId}')",
    ];
}
