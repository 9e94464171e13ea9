using M365Scanner.Core.Reference;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: established correspondent links where nobody in the tenant has been: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
public sealed class LinkBreaksSenderPatternSignal : LinkSignal
{
    public override string Id => "link.breaks-sender-pattern";
    public override string Name => "Link: established correspondent links where nobody in the tenant has been";
    public override double Weight => 2.5;
    public override string Description =>
        "The product's central case: a long-trusted partner's real (compromised) account sends one link that " +
        "breaks the relationship's pattern. Each half is common alone (partners share new sites; strangers " +
        "link unknown domains); together they are rare in benign mail (about 2% of links on the development " +
        "data) and are what lateral phishing looks like. Graded by the sender's own rate of novelty (the " +
        "share of its earlier messages that linked somewhere new): a regular who links somewhere new in most " +
        "messages breaks no pattern by doing it again.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.LateralPhish];
    // Graded by the destination's popularity, times the sender's own rate of novelty (computed from its history).
    public override IReadOnlyList<SignalStrength> Strengths => NoveltyEvidence.Grades;
    public override IReadOnlyList<ReferenceListSpec> Lists => NoveltyEvidence.Lists;
    public override string KnownFalsePositives => "A partner sharing a niche site or a new vendor's portal for the first time.";

    public override SignalHit? Evaluate(LinkContext context)
    {
        var history = context.History;
        var sender = context.Message.Sender;
        if (context.Link.Host is null || !sender.IsEstablished || history.SenderHasSentDomain)
            return null;
        if (history.TenantSenders is not null || history.TenantMailboxes is not null)
            return null;
        // A click tracker's novelty is the sender's mailing service, not a destination the sender chose.
        if (NoveltyEvidence.IsClickTracker(context.Link))
            return null;
        // Two independent discounts, each stated once: how popular the destination is, and how often this sender
        // links somewhere new.
        var (rarity, why) = NoveltyEvidence.Of(context.Link);
        var novelty = sender.NoveltyRate;
        var explanation = NoveltyEvidence.Explain($"{sender.Keys?.Address} is an established correspondent, and no one in the organisation has received a link to {context.Link.RegistrableDomain} before", why);
        return Hit(NoveltyEvidence.Explain(explanation, novelty.Surprise < 1 ? novelty.Describe() : null), rarity * novelty.Surprise);
    }
}
