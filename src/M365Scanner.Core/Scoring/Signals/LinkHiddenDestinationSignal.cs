namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: destination hidden behind a gateway's wrapper: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
public sealed class LinkHiddenDestinationSignal : LinkSignal
{
    public override string Id => "link.hidden-destination";
    public override string Name => "Link: destination hidden behind a gateway's wrapper";
    public override double Weight => 0.25;
    public override string Description =>
        "Mimecast's rewrites carry only a server-side key, so the destination cannot be known without " +
        "following the link, which the scanner never does; a link wrapped more layers deep than the unwrapper " +
        "peels is hidden too. The link is then judged on what can be seen (the wrapper's own host, its text, " +
        "where it sits), and this reason says so. Light, because a tenant behind such a gateway has every " +
        "link wrapped.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.CredentialHarvest, AttackKind.MalwareDelivery];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [Full];
    public override string KnownFalsePositives => "Every link of mail that passed a Mimecast gateway before it arrived.";

    public override SignalHit? Evaluate(LinkContext context)
    {
        var link = context.Link;
        if (!link.IsOpaqueWrapper)
            return null;
        if (link.IsWrappedTooDeep)
            return Hit($"the link is wrapped in {link.WrappedBy.Count} or more layers of redirectors; its destination is hidden and only {link.Host} can be judged");
        var gateway = link.WrappedBy.Count > 0 ? link.WrappedBy[^1] : "a gateway";
        return gateway == "mimecast"
            ? Hit($"the destination is hidden behind Mimecast URL Protect ({link.Host}), which cannot be decoded offline; only what is visible is judged")
            : Hit($"the {gateway} wrapper on {link.Host} does not carry a destination that can be decoded; only what is visible is judged");
    }
}
