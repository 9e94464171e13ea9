using M365Scanner.Core.Reference;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: unusual port: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
public sealed class LinkNonDefaultPortSignal : LinkSignal
{
    public override string Id => "link.non-default-port";
    public override string Name => "Link: unusual port";
    public override double Weight => 0.5;
    public override string Description =>
        "Public web sites answer on 80 and 443; a link that names another port reaches a server run by hand " +
        "(a kit on a rented machine, a compromised device). The usual alternative web ports weigh less: " +
        "intranet tools and vendor portals use them.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.CredentialHarvest, AttackKind.MalwareDelivery];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [OtherPort, AlternateWebPort];
    public override IReadOnlyList<ReferenceListSpec> Lists { get; } = [ReferenceLists.ProductAlternateWebPorts];
    public override string KnownFalsePositives => "Intranet and vendor application servers on 8080/8443; reporting portals.";

    public static readonly SignalStrength OtherPort = new("other-port", 1.0, "a port web sites do not use");
    public static readonly SignalStrength AlternateWebPort = new("alternate-web-port", 0.5, "a usual alternative web port, or a default one written out");

    public override SignalHit? Evaluate(LinkContext context)
    {
        if (context.Link.Port is not { } port || context.Link.Host is null)
            return null;
        var strength = ReferenceData.Current.AlternateWebPorts.Contains(port) ? AlternateWebPort : OtherPort;
        return Hit($"the link names port {port} on {context.Link.Host}; public web sites use the default ports", strength);
    }
}
