using M365Scanner.Core.Reference;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: domain never seen in the tenant: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
/// <remarks>Weight 1.0, on top of link.new-for-mailbox (+0.5), which always fires with it: +1.5 for a domain new to
/// the whole organisation. Kept moderate because a young tenant baseline makes many domains "new".</remarks>
public sealed class LinkNewInTenantSignal : LinkSignal
{
    public override string Id => "link.new-in-tenant";
    public override string Name => "Link: domain never seen in the tenant";
    public override double Weight => 1.0;
    public override string Description =>
        "No sender ever sent the domain to anyone here, no mailbox ever saw " +
        "it. Phishing domains are typically registered or compromised for one campaign, so they are new " +
        "everywhere.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.LateralPhish, AttackKind.ExternalPhish];
    public override IReadOnlyList<SignalStrength> Strengths => NoveltyEvidence.Grades;
    public override IReadOnlyList<ReferenceListSpec> Lists => NoveltyEvidence.Lists;
    public override string KnownFalsePositives => "A genuinely new partner or service; any domain while the tenant's history is still short.";

    public override SignalHit? Evaluate(LinkContext context)
    {
        var h = context.History;
        if (context.Link.Host is null || h.TenantSenders is not null || h.TenantMailboxes is not null)
            return null;
        var (strength, why) = NoveltyEvidence.Of(context.Link);
        return Hit(NoveltyEvidence.Explain($"no one in the organisation has received or sent a link to {context.Link.RegistrableDomain ?? context.Link.Host} before", why), strength);
    }
}
