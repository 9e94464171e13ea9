using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Scoring;
using M365Scanner.Storage.InMemory;

namespace M365Scanner.Core.Tests.Scoring;

/// <summary>
/// Builds scoring contexts the way production does: a real <see cref="CorrespondenceGraph"/> over an in-memory store,
/// history learned message by message, links resolved by the real <see cref="LinkResolver"/>.
/// </summary>
public sealed class ScoringScenario
{
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 9, 0, 0, TimeSpan.Zero);

    public CorrespondenceGraph Graph { get; } = new(new InMemoryCorrespondenceStore());
    public string Mailbox { get; init; } = "bob@tenant.example";
    public TenantProfile Tenant { get; init; } = TenantProfile.For(["tenant.example"], ["bob builder", "alice ceo"]);

    /// <summary>The mailbox received <paramref name="count"/> messages from <paramref name="from"/>, spread evenly
    /// over <paramref name="overDays"/> days from <see cref="Start"/>, each carrying <paramref name="urls"/>.</summary>
    public ScoringScenario Received(string from, int count = 1, int overDays = 0, params string[] urls)
    {
        for (var i = 0; i < count; i++)
        {
            var at = Start.AddDays(count == 1 ? 0 : overDays * i / (double)(count - 1));
            var message = Mail(from) with { To = [new EmailAddress(Mailbox)], SentAt = at };
            Graph.Learn(message, Mailbox, [.. urls.Select(u => Link(u))], at);
        }
        return this;
    }

    /// <summary>The mailbox wrote <paramref name="count"/> messages to <paramref name="to"/>.</summary>
    public ScoringScenario Sent(string to, int count = 1, string? messageId = null)
    {
        for (var i = 0; i < count; i++)
        {
            var message = Mail(Mailbox) with { To = [new EmailAddress(to)], SentAt = Start, InternetMessageId = messageId };
            Graph.Learn(message, Mailbox, [], Start);
        }
        return this;
    }

    /// <summary>Another mailbox of the tenant received <paramref name="url"/> from <paramref name="from"/>.</summary>
    public ScoringScenario SeenElsewhere(string url, string from, string mailbox, DateTimeOffset? at = null)
    {
        var when = at ?? Start;
        Graph.Learn(Mail(from) with { To = [new EmailAddress(mailbox)], SentAt = when }, mailbox, [Link(url)], when);
        return this;
    }

    /// <summary>The context of <paramref name="message"/> being delivered now, with <paramref name="links"/>.</summary>
    public MessageContext Deliver(EmailMessage message, params Link[] links)
    {
        var history = Graph.Describe(message, Mailbox, links);
        return new MessageContext(message, Mailbox, links, history, Tenant, message.SentAt ?? Start.AddDays(60));
    }

    /// <summary>The context of one link in a message from <paramref name="from"/>.</summary>
    public LinkContext LinkFrom(string from, Link link) => LinkIn(Deliver(Mail(from), link), link);

    public static LinkContext LinkIn(MessageContext context, Link link) =>
        new(link, context.History.For(link.Host, link.RegistrableDomain), context);

    public static EmailMessage Mail(string from, string? displayName = null) => new()
    {
        From = new EmailAddress(from, displayName),
        To = [new EmailAddress("bob@tenant.example")],
        Subject = "test",
        SentAt = Start.AddDays(60),
    };

    /// <summary>A link resolved as production resolves it.</summary>
    public static Link Link(string url, string? text = null, string origin = LinkOrigin.Body, LinkSource source = LinkSource.Anchor) =>
        LinkResolver.Default.Resolve(new FoundLink(url, text, source, origin))
        ?? throw new ArgumentException($"not a link: {url}", nameof(url));
}
