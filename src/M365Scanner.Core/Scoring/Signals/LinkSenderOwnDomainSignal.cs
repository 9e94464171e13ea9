using M365Scanner.Core.Links.Domains;
using M365Scanner.Core.Reference;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: goes to the sender's own domain: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
public sealed class LinkSenderOwnDomainSignal : LinkSignal
{
    public override string Id => "link.sender-own-domain";
    public override string Name => "Link: goes to the sender's own domain";
    public override double Weight => -1.5;
    public override string Description =>
        "A company's mail linking its own site is the most ordinary link there is, and for an attacker it " +
        "costs owning (and exposing) the sending domain. Not applied to freemail senders, whose domain says " +
        "nothing about them.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.ExternalPhish];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [Full];
    public override IReadOnlyList<ReferenceListSpec> Lists { get; } = [ReferenceLists.PublicSuffixes];
    public override string KnownFalsePositives => "Phishing sent from, and linking to, a domain the attacker registered for it.";

    public override SignalHit? Evaluate(LinkContext context)
    {
        var domain = context.Link.RegistrableDomain;
        var senderKeys = context.Message.Sender.Keys;
        if (domain is null || senderKeys?.Domain is null || context.Link.IsIpHost)
            return null;
        var senderDomain = PublicSuffixList.Default.GetRegistrableDomain(context.Message.SenderDomain);
        return string.Equals(domain, senderDomain, StringComparison.OrdinalIgnoreCase)
            ? Hit($"{context.Link.Host} belongs to {senderDomain}, the sender's own domain")
            : null;
    }
}
