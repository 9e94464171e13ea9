namespace M365Scanner.Core.Scoring.Signals;

/// <summary>
/// Link: domain never sent by this sender. The heart of the product: a known sender whose links always went to the
/// same few places suddenly links somewhere new. Stronger the more links the sender has sent before (a sender
/// with a long link history has a vocabulary; one with none does not), and weaker the more often this sender links
/// somewhere new (its own rate of novelty, <see cref="Correspondence.NoveltyRate"/>: a newsletter's new domain says
/// little, a partner's who always links the same two portals says much).
/// </summary>
public sealed class LinkNewForSenderSignal : LinkSignal
{
    public override string Id => "link.new-for-sender";
    public override string Name => "Link: domain never sent by this sender";
    public override double Weight => 1.5;
    public override string KnownFalsePositives => "A partner sharing a new document host or a news article for the first time.";

    public override SignalHit? Evaluate(LinkContext context)
    {
        var sender = context.Message.Sender;
        if (context.Link.Host is null || sender.Keys is null || context.History.SenderHasSentDomain)
            return null;
        var withLinks = sender.SenderMessagesWithLinks?.Count ?? 0;
        // A sender never seen before has no vocabulary to deviate from: sender.unknown speaks for that case.
        if (sender.SenderMessages is null)
            return null;
        var vocabulary = withLinks switch { 0 => 0.5, < 3 => 0.75, _ => 1.0 };
        var (rarity, why) = NoveltyEvidence.Of(context.Link);
        var novelty = sender.NoveltyRate;
        var explanation = NoveltyEvidence.Explain($"{sender.Keys.Value.Address} has sent {withLinks} message(s) with links before, never one to {context.Link.RegistrableDomain}", why);
        return Hit(NoveltyEvidence.Explain(explanation, novelty.Surprise < 1 ? novelty.Describe() : null), vocabulary * rarity * novelty.Surprise);
    }
}
