using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links;
using M365Scanner.Core.Mail;

namespace M365Scanner.Benchmarks.Correspondence;

/// <summary>A seeded tenant's correspondence graph in the shape a learned graph has, for store-scale measurements
/// (see <see cref="GraphStoreScale"/>): distinct edge keys over mailboxes, correspondents, organisations and link
/// domains, and the key sets scans would read.</summary>
internal sealed class SyntheticTenant(int seed)
{
    private const int Mailboxes = 5_000, Correspondents = 100_000, Organisations = 20_000, LinkDomains = 30_000;

    // Share of the edges per kind, roughly as in a learned mailbox graph. Thread ids come last and make up the
    // rest: they are the only kind with no bound on distinct keys.
    private static readonly (EdgeKind Kind, double Share)[] Mix =
    [
        (EdgeKind.ReceivedFrom, 0.22), (EdgeKind.ReceivedFromDomain, 0.08), (EdgeKind.SentTo, 0.08),
        (EdgeKind.SentToDomain, 0.04), (EdgeKind.SolicitedFrom, 0.03), (EdgeKind.SenderLinkDomain, 0.10),
        (EdgeKind.SenderLinkHost, 0.10), (EdgeKind.SenderMessages, 0.05), (EdgeKind.MailboxLinkDomain, 0.08),
        (EdgeKind.TenantDomainSenders, 0.01), (EdgeKind.TenantDomainMailboxes, 0.01), (EdgeKind.ThreadMessage, 0.20),
    ];

    private readonly Random _random = new(seed);

    /// <summary><paramref name="count"/> distinct edge keys, in a shuffled order (as a baseline meets them).</summary>
    public EdgeKey[] Edges(int count)
    {
        var keys = new HashSet<EdgeKey>(count);
        foreach (var (kind, share) in Mix)
        {
            var target = kind == Mix[^1].Kind ? count : keys.Count + (int)(count * share);
            var attempts = 0;
            while (keys.Count < target && attempts++ < target * 20)
                keys.Add(Edge(kind));
        }
        var shuffled = keys.ToArray();
        _random.Shuffle(shuffled);
        return shuffled;
    }

    /// <summary>The keys one scan reads: a mailbox, a sender, three links (26 keys), as <see cref="CorrespondenceGraph"/>
    /// asks for them. Four scans in five are of a known correspondent (a stored received-from edge), the rest of a
    /// sender picked at random; links are picked at random, so the popular ones are likely stored.</summary>
    public EdgeKey[] ScanKeys(IReadOnlyList<EdgeKey> receivedFrom)
    {
        var known = _random.Next(5) != 0 && receivedFrom.Count > 0 ? receivedFrom[_random.Next(receivedFrom.Count)] : (EdgeKey?)null;
        var mailbox = known?.From ?? Mailbox();
        var sender = known?.To ?? Correspondent();
        var organisation = "@" + Domain(sender);
        var keys = new List<EdgeKey>
        {
            new(EdgeKind.ReceivedFrom, mailbox, sender), new(EdgeKind.ReceivedFromDomain, mailbox, Domain(sender)),
            new(EdgeKind.SentTo, mailbox, sender), new(EdgeKind.SentToDomain, mailbox, Domain(sender)),
            new(EdgeKind.SolicitedFrom, mailbox, sender), new(EdgeKind.SenderMessages, sender, ""),
            new(EdgeKind.SenderMessages, sender, "links"), new(EdgeKind.ThreadMessage, mailbox, MessageId()),
        };
        for (var link = 0; link < 3; link++)
        {
            var domain = LinkDomain();
            keys.Add(new(EdgeKind.SenderLinkDomain, sender, domain));
            keys.Add(new(EdgeKind.SenderLinkHost, sender, "www." + domain));
            keys.Add(new(EdgeKind.SenderLinkDomain, organisation, domain));
            keys.Add(new(EdgeKind.MailboxLinkDomain, mailbox, domain));
            keys.Add(new(EdgeKind.TenantDomainSenders, domain, ""));
            keys.Add(new(EdgeKind.TenantDomainMailboxes, domain, ""));
        }
        return [.. keys];
    }

    /// <summary>A message as a live scan learns it (see <see cref="GraphLearnContention"/>): delivered to one of the
    /// tenant's mailboxes and up to two colleagues, from a correspondent picked with the graph's skew (so usually a
    /// known one), with 1-4 web links to link domains picked the same way; one in seven is a reply, which makes Learn
    /// read the mailbox's thread ids first.</summary>
    public LearnedMessage Message()
    {
        var mailbox = Mailbox();
        var to = new List<EmailAddress> { new(mailbox) };
        for (var colleague = _random.Next(3); colleague > 0; colleague--)
            to.Add(new(Mailbox()));
        var links = new Link[_random.Next(1, 5)];
        for (var i = 0; i < links.Length; i++)
        {
            var domain = LinkDomain();
            links[i] = SyntheticMailbox.WebLink((_random.Next(3) switch { 0 => "www.", 1 => "docs.", _ => "" }) + domain, domain);
        }
        var message = new EmailMessage
        {
            From = new EmailAddress(Correspondent()), To = to, InternetMessageId = MessageId(),
            InReplyTo = _random.Next(7) == 0 ? MessageId() : null,
        };
        return new LearnedMessage(mailbox, message, links);
    }

    private EdgeKey Edge(EdgeKind kind) => kind switch
    {
        EdgeKind.ReceivedFrom or EdgeKind.SentTo or EdgeKind.SolicitedFrom => new(kind, Mailbox(), Correspondent()),
        EdgeKind.ReceivedFromDomain or EdgeKind.SentToDomain => new(kind, Mailbox(), Domain(Correspondent())),
        EdgeKind.ThreadMessage => new(kind, Mailbox(), MessageId()),
        EdgeKind.SenderLinkDomain => new(kind, _random.Next(4) == 0 ? "@" + Domain(Correspondent()) : Correspondent(), LinkDomain()),
        EdgeKind.SenderLinkHost => new(kind, Correspondent(), (_random.Next(3) switch { 0 => "www.", 1 => "docs.", _ => "" }) + LinkDomain()),
        EdgeKind.SenderMessages => new(kind, Correspondent(), _random.Next(2) == 0 ? "" : "links"),
        EdgeKind.MailboxLinkDomain => new(kind, Mailbox(), LinkDomain()),
        _ => new(kind, LinkDomain(), ""),
    };

    // Skewed picks: a cube of a uniform number favours low indexes (the popular ones), with a long tail.
    private int Skewed(int count) => (int)(count * Math.Pow(_random.NextDouble(), 3));

    private string Mailbox() => $"user{_random.Next(Mailboxes)}@contoso.example";

    private string Correspondent()
    {
        var person = Skewed(Correspondents);
        return $"first{person}.last{person % 997}@org{person % Organisations}.example";
    }

    private static string Domain(string address) => address[(address.IndexOf('@') + 1)..];

    private string LinkDomain() => $"site{Skewed(LinkDomains)}.example";

    private string MessageId() => $"{_random.NextInt64():x16}.{_random.Next():x8}@mail.org{_random.Next(Organisations)}.example";
}

/// <summary>One message to learn, with the mailbox it was delivered to and its links taken as normal.</summary>
internal sealed record LearnedMessage(string Mailbox, EmailMessage Message, IReadOnlyList<Link> Links);
