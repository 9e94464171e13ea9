namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: domain common in the tenant: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
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
    public override string Description =>
        "Many different senders have sent the domain to several mailboxes, over " +
        "weeks. What the whole organisation receives from many independent correspondents is the ordinary web " +
        "(suppliers' sites, SaaS tools, news). Graded by how many senders and mailboxes.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.LateralPhish, AttackKind.ExternalPhish];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [Wide, Broad, Some];
    public override string KnownFalsePositives =>
        "Shared hosting and file-sharing domains (a phishing page on a common host); a long-running campaign the " +
        "organisation kept receiving.";

    public static readonly SignalStrength Wide = new("wide", 1.0, "30 or more senders to 10 or more mailboxes");
    public static readonly SignalStrength Broad = new("broad", 0.75, "10 or more senders to 5 or more mailboxes");
    public static readonly SignalStrength Some = new("some", 0.5, "3 or more senders to 2 or more mailboxes");

    public override SignalHit? Evaluate(LinkContext context)
    {
        var h = context.History;
        if (context.Link.Host is null || h.TenantSenders is not { } senders || h.TenantMailboxes is not { } mailboxes)
            return null;
        if ((context.Message.Now - senders.First).TotalDays < MinAgeDays)
            return null;
        var strength = (senders.Count, mailboxes.Count) switch
        {
            ( >= 30, >= 10) => Wide.Value,
            ( >= 10, >= 5) => Broad.Value,
            ( >= 3, >= 2) => Some.Value,
            _ => 0.0,
        };
        if (strength == 0)
            return null;
        return Hit($"{context.Link.RegistrableDomain ?? context.Link.Host} has been sent by {senders.Count} different senders " +
                   $"to {mailboxes.Count} mailboxes of the organisation", strength);
    }
}
