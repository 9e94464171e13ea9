using M365Scanner.Core.Reference;
using M365Scanner.Core.Scoring.Lists;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>
/// Link: domain under a top-level domain favoured by abusers. Throwaway phishing domains cluster where registration
/// is cheapest and least checked (<see cref="AbusedTopLevelDomains"/>). Modest, and half for the "elevated" tier
/// where ordinary shops also live.
/// </summary>
public sealed class LinkAbusedTldSignal : LinkSignal
{
    public override string Id => "link.abused-tld";
    public override string Name => "Link: top-level domain favoured by abusers";
    public override double Weight => 1.0;
    public override string KnownFalsePositives => "Small businesses and start-ups on new gTLDs (.shop, .online, .xyz).";

    public override SignalHit? Evaluate(LinkContext context)
    {
        var link = context.Link;
        if (link.Host is null || link.IsIpHost)
            return null;
        return ReferenceData.Current.AbusedTopLevelDomains.TierOf(link.Host, out var tld) switch
        {
            2 => Hit($"{link.RegistrableDomain} is under .{tld}, one of the most abused top-level domains"),
            1 => Hit($"{link.RegistrableDomain} is under .{tld}, a top-level domain with elevated abuse", 0.5),
            _ => null,
        };
    }
}
