using M365Scanner.Core.Reference;
using M365Scanner.Core.Scoring.Lists;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: top-level domain favoured by abusers: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
public sealed class LinkAbusedTldSignal : LinkSignal
{
    public override string Id => "link.abused-tld";
    public override string Name => "Link: top-level domain favoured by abusers";
    public override double Weight => 1.0;
    public override string Description =>
        "Throwaway phishing domains cluster where registration is cheapest and least checked. Modest, and " +
        "half for the \"elevated\" tier where ordinary shops also live.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.CredentialHarvest, AttackKind.MalwareDelivery];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [High, Elevated];
    public override IReadOnlyList<ReferenceListSpec> Lists { get; } = ReferenceLists.AbusedTopLevelDomains;
    public override string KnownFalsePositives => "Small businesses and start-ups on new gTLDs (.shop, .online, .xyz).";

    public static readonly SignalStrength High = new("high", 1.0, "one of the most abused top-level domains");
    public static readonly SignalStrength Elevated = new("elevated", 0.5, "a top-level domain with elevated abuse");

    public override SignalHit? Evaluate(LinkContext context)
    {
        var link = context.Link;
        if (link.Host is null || link.IsIpHost)
            return null;
        return ReferenceData.Current.AbusedTopLevelDomains.TierOf(link.Host, out var tld) switch
        {
            2 => Hit($"{link.RegistrableDomain} is under .{tld}, one of the most abused top-level domains", High),
            1 => Hit($"{link.RegistrableDomain} is under .{tld}, a top-level domain with elevated abuse", Elevated),
            _ => null,
        };
    }
}
