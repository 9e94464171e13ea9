using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Scoring;

namespace M365Scanner.Core.Scanning;

/// <summary>Everything decided about one message: its links, their scores and reasons, and the action plan.</summary>
public sealed record ScanVerdict(
    EmailMessage Message,
    ExtractionResult Extraction,
    MessageHistory History,
    MessageScore Score,
    ActionPlan Plan)
{
    /// <summary>Extraction notes, plus a note when the plan exists but is not carried out.</summary>
    public IReadOnlyList<string> Notes => Extraction.Notes;

    /// <summary>Whether a link reached the rewrite threshold (it is rewritten, or it drove a quarantine).</summary>
    public bool IsFlagged(Link link) => Plan.Action != MessageAction.Allow && Plan.OffendingLinks.Contains(link);
}
