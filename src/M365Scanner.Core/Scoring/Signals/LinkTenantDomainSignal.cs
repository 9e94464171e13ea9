namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: the organisation's own domain: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
/// <remarks>Weight -2.0: strong, but not enough to cancel a message-level lie (auth failure, impersonation) on its
/// own, and open redirects on the organisation's site are a real way around it.</remarks>
public sealed class LinkTenantDomainSignal : LinkSignal
{
    public override string Id => "link.tenant-domain";
    public override string Name => "Link: the organisation's own domain";
    public override double Weight => -2.0;
    public override string Description =>
        "A link to the organisation's own domain (or a subdomain of it), or to a single-label host " +
        "(\"http://intranet/\"), which resolves only inside the organisation's own network. Attackers gain " +
        "nothing from a link to the victim's real site or intranet; such links are decoration in phishing and " +
        "routine in everything else.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.LateralPhish, AttackKind.ExternalPhish];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [Full];
    public override string KnownFalsePositives =>
        "An open redirect or user-content area on the organisation's own site used to bounce to a phishing page.";

    public override SignalHit? Evaluate(LinkContext context)
    {
        var host = context.Link.Host;
        if (string.IsNullOrEmpty(host) || context.Link.IsIpHost)
            return null;
        if (IsSingleLabel(host))
            return Hit($"{host} is a single-label name, which reaches only the organisation's own network");
        return context.Message.Tenant.IsInternal(host) ? Hit($"{host} belongs to the organisation's own domain") : null;
    }

    /// <summary>A host of one label ("intranet", "wiki"): no public DNS name has one, so it is resolved with the
    /// organisation's own search domains.</summary>
    internal static bool IsSingleLabel(string host) => !host.Contains('.', StringComparison.Ordinal) && host[0] != '[';
}
