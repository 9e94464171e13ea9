using M365Scanner.Core.Mail;

namespace M365Scanner.Host.Mailboxes;

/// <summary>What differs in a rewritten copy: new bodies (null = unchanged) and replaced attachments by index.</summary>
public sealed record RewrittenContent(
    string? HtmlBody,
    string? TextBody,
    IReadOnlyDictionary<int, EmailAttachment> ReplacedAttachments);
