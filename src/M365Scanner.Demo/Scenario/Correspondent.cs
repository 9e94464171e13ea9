using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.GraphEmulator.Control;

namespace M365Scanner.Demo.Scenario;

/// <summary>Someone who wrote to a demo mailbox, as its loaded history shows: how often, over how long, and the links
/// they sent (newest last).</summary>
public sealed record Correspondent(EmailAddress Address, int Messages, double SpanDays, IReadOnlyList<(string Url, string Domain)> Links,
    string? LatestSubject)
{
    /// <summary>Local parts of role and bulk accounts (lists, newsletters, robots): real senders, but not the
    /// "long-trusted partner" the demo's compromised message impersonates.</summary>
    private static readonly string[] RoleAccountWords =
    [
        "no.address", "noreply", "no-reply", "donotreply", "feedback", "distribution", "customerservice", "info", "news",
        "market", "mailer", "admin", "support", "webmaster", "announce", "notif", "alert", "service", "list", "bounce",
        "owner", "enron", "update", "report",
    ];

    public string Domain => Address.Normalized[(Address.Normalized.IndexOf('@') + 1)..];

    /// <summary>Established in the product's own sense (<see cref="SenderHistory.IsEstablished"/>).</summary>
    public bool IsEstablished => Messages >= SenderHistory.EstablishedMessages && SpanDays >= SenderHistory.EstablishedDays;

    public bool LooksLikeAPerson => !RoleAccountWords.Any(w => Address.Normalized.Split('@')[0].Contains(w, StringComparison.Ordinal));

    /// <summary>The registrable domain this sender links to most (newest wins a tie), if they ever sent a web link.</summary>
    public string? UsualLinkDomain => Links.Count == 0 ? null : Links
        .Select((l, i) => (l.Domain, i)).GroupBy(l => l.Domain)
        .MaxBy(g => (g.Count(), g.Max(l => l.i)))!.Key;

    /// <summary>The newest URL this sender linked on their usual domain, or their own web site when they never linked.</summary>
    public string UsualUrl => UsualLinkDomain is { } domain ? Links.Last(l => l.Domain == domain).Url : $"https://www.{Domain}/";

    /// <summary>A first name for greetings: the display name's first word, else the address's local part.</summary>
    public string FirstName
    {
        get
        {
            var name = Address.DisplayName is { Length: > 0 } display && !display.Contains('@') ? display.Split(' ', ',')[0] : Address.Address.Split('@', '.', '_')[0];
            return name.Length == 0 ? Address.Address : char.ToUpperInvariant(name[0]) + name[1..];
        }
    }

    /// <summary>Every sender of <paramref name="history"/> except <paramref name="owner"/>, most messages first.</summary>
    public static IReadOnlyList<Correspondent> Of(string owner, IEnumerable<SeededMessage> history)
    {
        var extractor = new MessageLinkExtractor();
        var read = new List<(EmailAddress From, DateTimeOffset At, string? Subject, IReadOnlyList<(string, string)> Links)>();
        foreach (var seeded in history.OrderBy(m => m.ReceivedDateTime))
        {
            EmailMessage message;
            try { message = EmlReader.Read(seeded.Mime); }
            catch (FormatException) { continue; }
            if (message.From is not { } from || from.Normalized == owner.ToLowerInvariant())
                continue;
            var links = extractor.Extract(message).Links
                .Where(l => l.Target.StartsWith("http", StringComparison.OrdinalIgnoreCase) && l.RegistrableDomain is not null)
                .Select(l => (l.Target, l.RegistrableDomain!)).ToArray();
            read.Add((from, seeded.ReceivedDateTime, message.Subject, links));
        }
        return
        [
            .. read.GroupBy(r => r.From.Normalized).Select(g => new Correspondent(
                    g.Last().From, g.Count(), (g.Max(r => r.At) - g.Min(r => r.At)).TotalDays,
                    [.. g.SelectMany(r => r.Links)], g.Last().Subject))
                .OrderByDescending(c => c.Messages).ThenBy(c => c.Address.Normalized, StringComparer.Ordinal),
        ];
    }
}
