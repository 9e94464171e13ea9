namespace M365Scanner.Core.Scoring.Signals;

/// <summary>
/// Link: domain common in the tenant: many different senders have sent it to several mailboxes, over weeks. What
/// the whole organisation receives from many independent correspondents is the ordinary web (suppliers' sites,
/// SaaS tools, news). Graded by how many senders and mailboxes.
/// </summary>
/// <remarks>Weight -1.5 (the mirror of link.new-in-tenant plus link.new-for-mailbox). The age condition matters: a
/// campaign sends from dozens of throw-away addresses to dozens of mailboxes within an hour, which would look
/// "common" by counts alone.</remarks>
public sealed class LinkCommonInTenantSignal : LinkSignal
{
    /// <summary>How long the tenant must have known the domain before its prevalence counts.</summary>
    public const double MinAgeDays = 14;

    public override string Id => "link.common-in-tenant";
    public override string Name => "Link: domain common in the tenant";
    public override double Weight => -1.5;
    public override string KnownFalsePositives =>
        "Shared hosting and file-sharing domains (a phishing page on a common host); a long-running campaign the " +
        "organisation kept receiving.";

    public override SignalHit? Evaluate(LinkContext context)
    {
        var h = context.History;
        if (context.Link.Host is null || h.TenantSenders is not { } senders || h.TenantMailboxes is not { } mailboxes)
            return null;
        if ((context.Message.Now - senders.First).TotalDays < MinAgeDays)
            return null;
        var strength = (senders.Count, mailboxes.Count) switch
        {
            ( >= 30, >= 10) => 1.0,
            ( >= 10, >= 5) => 0.75,
            ( >= 3, >= 2) => 0.5,
            _ => 0.0,
        };
        if (strength == 0)
            return null;
        return Hit($"{context.Link.RegistrableDomain ?? context.Link.Host} has been sent by {senders.Count} different senders " +
                   $"to {mailboxes.Count} mailboxes of the organisation", strength);
    }
}
