namespace M365Scanner.Core.Scoring.Signals;

/// <summary>
/// Link: unusual port. Public web sites answer on 80 and 443; a link that names another port reaches a server run
/// by hand (a kit on a rented machine, a compromised device). The usual alternative web ports weigh less: intranet
/// tools and vendor portals use them.
/// </summary>
public sealed class LinkNonDefaultPortSignal : LinkSignal
{
    public override string Id => "link.non-default-port";
    public override string Name => "Link: unusual port";
    public override double Weight => 0.5;
    public override string KnownFalsePositives => "Intranet and vendor application servers on 8080/8443; reporting portals.";

    public override SignalHit? Evaluate(LinkContext context)
    {
        if (context.Link.Port is not { } port || context.Link.Host is null)
            return null;
        var strength = port is 8080 or 8443 or 8000 or 8008 or 8888 or 81 or 443 or 80 ? 0.5 : 1.0;
        return Hit($"the link names port {port} on {context.Link.Host}; public web sites use the default ports", strength);
    }
}
