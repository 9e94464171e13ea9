namespace M365Scanner.Core.Remediation;

/// <summary>What <see cref="LinkRewriter.Rewrite"/> changed, and what it could not change.</summary>
/// <param name="HtmlBody">The new HTML body, or null when it is absent or unchanged (keep the original).</param>
/// <param name="TextBody">The new text body, or null when it is absent or unchanged (keep the original).</param>
/// <param name="Attachments">The attachments whose bytes changed, by index; an attachment not listed keeps its
/// original bytes.</param>
/// <param name="NotRewritten">Each offending link the copy still carries, with the reason. When this is not empty
/// the copy must not replace the message: quarantine it instead.</param>
public sealed record RewriteResult(
    string? HtmlBody,
    string? TextBody,
    IReadOnlyList<RewrittenAttachment> Attachments,
    IReadOnlyList<NotRewrittenLink> NotRewritten)
{
    /// <summary>True when every offending link was neutralised.</summary>
    public bool IsComplete => NotRewritten.Count == 0;

    /// <summary>True when anything differs from the original message.</summary>
    public bool HasChanges => HtmlBody is not null || TextBody is not null || Attachments.Count > 0;
}
