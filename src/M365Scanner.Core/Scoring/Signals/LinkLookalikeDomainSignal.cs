using M365Scanner.Core.Scoring.Lookalike;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: domain imitates a domain this mail is about: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
public sealed class LinkLookalikeDomainSignal : LinkSignal
{
    public override string Id => "link.lookalike-domain";
    public override string Name => "Link: domain imitates a domain this mail is about";
    public override double Weight => 3.0;
    public override string Description =>
        "\"c0ntoso.com\" in mail to contoso.com staff, or \"partnerr.com\" in mail from partner.com, exists " +
        "only to be misread. The same name under another suffix weighs less: organisations often own several.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.Impersonation, AttackKind.CredentialHarvest];
    public override IReadOnlyList<SignalStrength> Strengths => Grades;
    public override string KnownFalsePositives => "An organisation's sister domains under other suffixes or with one letter changed.";

    public static readonly SignalStrength Confusable = new("confusable", 1.0, "the same name in look-alike characters");
    public static readonly SignalStrength OneEdit = new("one-edit", 1.0, "one typing edit away");
    public static readonly SignalStrength TwoEdits = new("two-edits", 0.8, "two typing edits away");
    public static readonly SignalStrength OtherSuffix = new("other-suffix", 0.4, "the same name under another suffix");

    /// <summary>The grades of an imitation, shared with sender.lookalike-domain.</summary>
    public static IReadOnlyList<SignalStrength> Grades { get; } = [Confusable, OneEdit, TwoEdits, OtherSuffix];

    public override SignalHit? Evaluate(LinkContext context)
    {
        if (context.Link.Host is null || context.Link.IsIpHost)
            return null;
        var found = ProtectedDomains.For(context.Message).FindImitated(context.Link.RegistrableDomain);
        if (found is not { Match: var match, Role: var role })
            return null;
        return match.Kind switch
        {
            LookalikeKind.Confusable => Hit($"{match.Domain} reads like {match.Imitated} ({role}) but uses look-alike characters", Confusable),
            LookalikeKind.Typo => Hit($"{match.Domain} is {Edits(match.Distance)} away from {match.Imitated} ({role})", TypoGrade(match.Distance)),
            // The tenant's own staff link to its sister domains all day; only outsiders doing it is worth a little.
            _ when context.Message.SenderIsInternal => null,
            _ => Hit($"{match.Domain} copies the name of {match.Imitated} ({role}) under another suffix", OtherSuffix),
        };
    }

    internal static SignalStrength TypoGrade(int distance) => distance == 1 ? OneEdit : TwoEdits;

    internal static string Edits(int distance) => distance == 1 ? "one typing edit" : $"{distance} typing edits";
}
