using M365Scanner.Core.Reference;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: domain never seen by this mailbox: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
/// <remarks>Weight 0.5: with link.new-in-tenant (+1.0) a domain no one in the tenant has seen adds +1.5 in all,
/// the same as a sender's deviation (link.new-for-sender); new to this mailbox only adds +0.5.</remarks>
public sealed class LinkNewForMailboxSignal : LinkSignal
{
    public override string Id => "link.new-for-mailbox";
    public override string Name => "Link: domain never seen by this mailbox";
    public override double Weight => 0.25;
    public override string Description =>
        "Weak on its own (every mailbox meets new sites every week); it separates \"new to you\" from \"new " +
        "to everyone\" (link.new-in-tenant adds to it).";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.LateralPhish, AttackKind.ExternalPhish];
    public override IReadOnlyList<SignalStrength> Strengths => NoveltyEvidence.Grades;
    public override IReadOnlyList<ReferenceListSpec> Lists => NoveltyEvidence.Lists;
    public override string KnownFalsePositives => "Any first visit: a new supplier's site, a news article, a new SaaS tool.";

    public override SignalHit? Evaluate(LinkContext context)
    {
        if (context.Link.Host is null || context.History.InMailbox is not null)
            return null;
        var (strength, why) = NoveltyEvidence.Of(context.Link);
        return Hit(NoveltyEvidence.Explain($"{context.Message.Mailbox} has never received or sent a link to {context.Link.RegistrableDomain ?? context.Link.Host}", why), strength);
    }
}
