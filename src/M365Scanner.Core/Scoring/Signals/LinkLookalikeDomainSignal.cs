using M365Scanner.Core.Scoring.Lookalike;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>
/// Link: domain imitates your organisation's, the sender's or a recipient's. "c0ntoso.com" in mail to contoso.com
/// staff, or "partnerr.com" in mail from partner.com, exists only to be misread (<see cref="DomainLookalike"/>).
/// The same name under another suffix weighs less: organisations often own several.
/// </summary>
public sealed class LinkLookalikeDomainSignal : LinkSignal
{
    public override string Id => "link.lookalike-domain";
    public override string Name => "Link: domain imitates a domain this mail is about";
    public override double Weight => 3.0;
    public override string KnownFalsePositives => "An organisation's sister domains under other suffixes or with one letter changed.";

    public override SignalHit? Evaluate(LinkContext context)
    {
        if (context.Link.Host is null || context.Link.IsIpHost)
            return null;
        var found = ProtectedDomains.For(context.Message).FindImitated(context.Link.RegistrableDomain);
        if (found is not { Match: var match, Role: var role })
            return null;
        return match.Kind switch
        {
            LookalikeKind.Confusable => Hit($"{match.Domain} reads like {match.Imitated} ({role}) but uses look-alike characters"),
            LookalikeKind.Typo => Hit($"{match.Domain} is {Edits(match.Distance)} away from {match.Imitated} ({role})", match.Distance == 1 ? 1.0 : 0.8),
            // The tenant's own staff link to its sister domains all day; only outsiders doing it is worth a little.
            _ when context.Message.SenderIsInternal => null,
            _ => Hit($"{match.Domain} copies the name of {match.Imitated} ({role}) under another suffix", 0.4),
        };
    }

    internal static string Edits(int distance) => distance == 1 ? "one typing edit" : $"{distance} typing edits";
}
