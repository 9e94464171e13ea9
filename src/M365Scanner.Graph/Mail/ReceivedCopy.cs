namespace M365Scanner.Graph.Mail;

/// <summary>What differs in a rewritten copy: the body, and the bytes of any attachments the rewriter changed.</summary>
/// <param name="HtmlBody">The new body when the original's body is HTML.</param>
/// <param name="TextBody">The new body when the original's body is text.</param>
/// <param name="ReplacedAttachments">New bytes by index into <see cref="Core.Mail.EmailMessage.Attachments"/>;
/// every other attachment is re-uploaded unchanged.</param>
public sealed record ReceivedCopy(string? HtmlBody, string? TextBody, IReadOnlyDictionary<int, ReadOnlyMemory<byte>>? ReplacedAttachments = null);
