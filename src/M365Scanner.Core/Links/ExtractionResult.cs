namespace M365Scanner.Core.Links;

/// <summary>Every link of one message, and notes about what could not be read.</summary>
/// <param name="Links">Distinct links in document order: body first, then attachments in order.</param>
/// <param name="Notes">Human-readable notes, e.g. "pdf could not be read: invoice.pdf: file is encrypted".
/// A note means the result may be incomplete; it never means the message failed.</param>
public sealed record ExtractionResult(IReadOnlyList<Link> Links, IReadOnlyList<string> Notes)
{
    /// <summary>The notes that say part of the message was not read (<see cref="ContentGaps"/>); the policy's
    /// fail-safe decides on them.</summary>
    public IReadOnlyList<string> Gaps => ContentGaps.Of(Notes);
}
