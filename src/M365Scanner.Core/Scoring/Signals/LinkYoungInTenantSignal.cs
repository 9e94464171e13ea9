using System.Globalization;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: domain first seen in the tenant fewer than 7 days ago: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
/// <remarks>Weight 0.75: half-way between a domain new to the tenant (+1.0) and an ordinary one (0).</remarks>
public sealed class LinkYoungInTenantSignal : LinkSignal
{
    public const double Days = 7;

    public override string Id => "link.young-in-tenant";
    public override string Name => "Link: domain first seen in the tenant fewer than 7 days ago";
    public override double Weight => 0.75;
    public override string Description =>
        "A campaign reaches many mailboxes within hours, so its domain is \"known\" by the second message yet " +
        "only minutes old; graded from full strength on the first day down to half at 7 days. A domain never " +
        "seen is link.new-in-tenant's.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.ExternalPhish];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [FirstDay, Decline];
    public override string KnownFalsePositives => "A new partner, event or SaaS tool adopted this week.";

    public static readonly SignalStrength FirstDay = new("first-day", 1.0, "first seen less than a day ago");
    public static readonly SignalStrength Decline = new("decline", 0.5, "lost linearly over 7 days, down to half");

    public override SignalHit? Evaluate(LinkContext context)
    {
        var h = context.History;
        if (context.Link.Host is null || (h.TenantSenders ?? h.TenantMailboxes) is not { } seen)
            return null;
        var first = h.TenantMailboxes is { } m && m.First < seen.First ? m.First : seen.First;
        var age = (context.Message.Now - first).TotalDays;
        if (age is < 0 or >= Days)
            return null;
        var strength = FirstDay.Value - Decline.Value * age / Days;
        return Hit($"{context.Link.RegistrableDomain ?? context.Link.Host} was first seen in the organisation {Ago(age)}, " +
                   $"in {h.TenantMailboxes?.Count ?? 0} mailbox(es)", strength);
    }

    private static string Ago(double days) => days < 1
        ? $"{Math.Max(0, days * 24).ToString("0", CultureInfo.InvariantCulture)} hour(s) ago"
        : $"{days.ToString("0", CultureInfo.InvariantCulture)} day(s) ago";
}
