using M365Scanner.Core.Reference;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: domain never sent by this sender: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
public sealed class LinkNewForSenderSignal : LinkSignal
{
    public override string Id => "link.new-for-sender";
    public override string Name => "Link: domain never sent by this sender";
    public override double Weight => 1.5;
    public override string Description =>
        "The heart of the product: a known sender whose links always went to the same few places suddenly " +
        "links somewhere new. Stronger the more links the sender has sent before (a sender with a long link " +
        "history has a vocabulary; one with none does not), and weaker the more often this sender links " +
        "somewhere new (its own rate of novelty, the share of its earlier messages that linked somewhere new: " +
        "a newsletter's new domain says little, a partner's who always links the same two portals says much).";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.LateralPhish];
    // The sender's vocabulary grade, times the destination's popularity grade, times the sender's own rate of novelty.
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [Vocabulary, FewLinksBefore, NoLinksBefore, .. NoveltyEvidence.Grades];
    public override IReadOnlyList<ReferenceListSpec> Lists => NoveltyEvidence.Lists;
    public override string KnownFalsePositives => "A partner sharing a new document host or a news article for the first time.";

    public static readonly SignalStrength Vocabulary = new("vocabulary", 1.0, "factor when the sender sent 3 or more messages with links before");
    public static readonly SignalStrength FewLinksBefore = new("few-links-before", 0.75, "factor when it sent 1 or 2");
    public static readonly SignalStrength NoLinksBefore = new("no-links-before", 0.5, "factor when it sent messages, none with links");

    public override SignalHit? Evaluate(LinkContext context)
    {
        var sender = context.Message.Sender;
        if (context.Link.Host is null || sender.Keys is null || context.History.SenderHasSentDomain)
            return null;
        var withLinks = sender.SenderMessagesWithLinks?.Count ?? 0;
        // A sender never seen before has no vocabulary to deviate from: sender.unknown speaks for that case.
        if (sender.SenderMessages is null)
            return null;
        var vocabulary = withLinks switch { 0 => NoLinksBefore.Value, < 3 => FewLinksBefore.Value, _ => Vocabulary.Value };
        var (rarity, why) = NoveltyEvidence.Of(context.Link);
        var novelty = sender.NoveltyRate;
        var explanation = NoveltyEvidence.Explain($"{sender.Keys.Value.Address} has sent {withLinks} message(s) with links before, never one to {context.Link.RegistrableDomain}", why);
        return Hit(NoveltyEvidence.Explain(explanation, novelty.Surprise < 1 ? novelty.Describe() : null), vocabulary * rarity * novelty.Surprise);
    }
}
