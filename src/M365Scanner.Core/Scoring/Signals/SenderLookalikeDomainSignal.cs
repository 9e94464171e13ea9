using M365Scanner.Core.Links.Domains;
using M365Scanner.Core.Reference;
using M365Scanner.Core.Scoring.Lookalike;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Sender: domain imitates your organisation's: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
public sealed class SenderLookalikeDomainSignal : MessageSignal
{
    public override string Id => "sender.lookalike-domain";
    public override string Name => "Sender: domain imitates your organisation's";
    public override double Weight => 2.5;
    public override string Description =>
        "Mail \"from\" c0ntoso.com to contoso.com staff impersonates a colleague (CEO fraud, fake IT " +
        "notices); it weighs on every link of the message.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.Impersonation];
    public override IReadOnlyList<SignalStrength> Strengths => LinkLookalikeDomainSignal.Grades;
    public override IReadOnlyList<ReferenceListSpec> Lists { get; } = [ReferenceLists.PublicSuffixes];
    public override string KnownFalsePositives => "The organisation's own sister domains when they are not listed as tenant domains.";

    public override SignalHit? Evaluate(MessageContext context)
    {
        if (context.SenderDomain.Length == 0 || context.SenderIsInternal)
            return null;
        var senderDomain = PublicSuffixList.Default.GetRegistrableDomain(context.SenderDomain);
        if (senderDomain is null)
            return null;
        LookalikeMatch? best = null;
        foreach (var tenantDomain in context.Tenant.Domains)
        {
            if (DomainLookalike.Compare(senderDomain, PublicSuffixList.Default.GetRegistrableDomain(tenantDomain) ?? tenantDomain) is { } match
                    && (best is null || match.Kind > best.Kind))
                best = match;
        }
        return best?.Kind switch
        {
            null => null,
            LookalikeKind.Confusable => Hit($"the sender's domain {best.Domain} reads like your organisation's {best.Imitated} but uses look-alike characters", LinkLookalikeDomainSignal.Confusable),
            LookalikeKind.Typo => Hit($"the sender's domain {best.Domain} is {LinkLookalikeDomainSignal.Edits(best.Distance)} away from your organisation's {best.Imitated}", LinkLookalikeDomainSignal.TypoGrade(best.Distance)),
            _ => Hit($"the sender's domain {best.Domain} copies your organisation's name ({best.Imitated}) under another suffix", LinkLookalikeDomainSignal.OtherSuffix),
        };
    }
}
