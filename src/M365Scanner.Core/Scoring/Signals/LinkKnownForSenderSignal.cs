using System.Globalization;
using M365Scanner.Core.Correspondence;

namespace M365Scanner.Core.Scoring.Signals;

/// <summary>Link: domain this sender sends regularly: a signal as data; <see cref="Description"/> says why it is evidence.</summary>
/// <remarks>Weight -1.5, the opposite of link.new-for-sender: a compromised account's first link somewhere new gets
/// +1.5, its usual links -1.5. A single earlier sighting only gives 0.4 of it: one link is not a habit, and a
/// campaign sending twice would otherwise vouch for itself.</remarks>
public sealed class LinkKnownForSenderSignal : LinkSignal
{
    public override string Id => "link.known-for-sender";
    public override string Name => "Link: domain this sender sends regularly";
    public override double Weight => -1.5;
    public override string Description =>
        "The mirror of link.new-for-sender: the sender (or colleagues at their organisation) has linked to " +
        "this domain before, the more often and the longer the more reassuring; the very same host counts a " +
        "little more.";
    public override IReadOnlyList<AttackKind> Tags { get; } = [AttackKind.LateralPhish];
    public override IReadOnlyList<SignalStrength> Strengths { get; } = [Habit, Repeated, Seen, SameHost];
    public override string KnownFalsePositives =>
        "A compromised sender reusing a domain it linked to before (e.g. a shared file host now serving a phishing page).";

    public static readonly SignalStrength Habit = new("habit", 0.85, "10 or more links over 30 or more days");
    public static readonly SignalStrength Repeated = new("repeated", 0.6, "3 or more links over 7 or more days");
    public static readonly SignalStrength Seen = new("seen", 0.35, "fewer links, or over a shorter span");
    public static readonly SignalStrength SameHost = new("same-host", 0.15, "added when the sender linked this very host before");

    public override SignalHit? Evaluate(LinkContext context)
    {
        var h = context.History;
        if (context.Link.Host is null || (h.BySender ?? h.BySenderDomain) is null)
            return null;
        // The broader of the two histories: the address itself, or anyone at its organisation.
        var (seen, who) = Broader(h.BySender, h.BySenderDomain, context);
        var strength = seen switch
        {
            { Count: >= 10, SpanDays: >= 30 } => Habit.Value,
            { Count: >= 3, SpanDays: >= 7 } => Repeated.Value,
            _ => Seen.Value,
        };
        if (h.HostBySender is not null)
            strength += SameHost.Value;
        var domain = context.Link.RegistrableDomain ?? context.Link.Host;
        var host = h.HostBySender is not null ? $" (this very host, {context.Link.Host}, too)" : "";
        return Hit($"{who} linked to {domain} {seen.Count} time(s) over {seen.SpanDays.ToString("0", CultureInfo.InvariantCulture)} days before{host}", strength);
    }

    private static (Tally Seen, string Who) Broader(Tally? address, Tally? domain, LinkContext context)
    {
        var keys = context.Message.Sender.Keys;
        if (address is { } a && (domain is not { } d || a.Count >= d.Count))
            return (a, keys?.Address ?? "the sender");
        return (domain!.Value, $"people at {keys?.Domain?.TrimStart('@') ?? context.Message.SenderDomain}");
    }
}
