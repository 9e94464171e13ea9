namespace M365Scanner.Core.Scoring.Signals;

/// <summary>
/// Link: an established correspondent links where nobody in the tenant has been. The product's central case: a
/// long-trusted partner's real (compromised) account sends one link that breaks the relationship's pattern. Each
/// half is common alone (partners share new sites; strangers link unknown domains); together they are rare in
/// benign mail (about 2% of links on the development data) and are what lateral phishing looks like.
/// </summary>
public sealed class LinkBreaksSenderPatternSignal : LinkSignal
{
    public override string Id => "link.breaks-sender-pattern";
    public override string Name => "Link: established correspondent links where nobody in the tenant has been";
    public override double Weight => 2.5;
    public override string KnownFalsePositives => "A partner sharing a niche site or a new vendor's portal for the first time.";

    public override SignalHit? Evaluate(LinkContext context)
    {
        var history = context.History;
        var sender = context.Message.Sender;
        if (context.Link.Host is null || !sender.IsEstablished || history.SenderHasSentDomain)
            return null;
        if (history.TenantSenders is not null || history.TenantMailboxes is not null)
            return null;
        // A click tracker's novelty is the sender's mailing service, not a destination the sender chose.
        if (NoveltyEvidence.IsClickTracker(context.Link))
            return null;
        var (strength, why) = NoveltyEvidence.Of(context.Link);
        return Hit(NoveltyEvidence.Explain($"{sender.Keys?.Address} is an established correspondent, and no one in the organisation has received a link to {context.Link.RegistrableDomain} before", why), strength);
    }
}
