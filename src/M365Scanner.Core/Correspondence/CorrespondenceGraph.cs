using M365Scanner.Core.Links;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Senders;

namespace M365Scanner.Core.Correspondence;

/// <summary>
/// One tenant's correspondence graph: who each mailbox writes to and hears from, which link destinations each
/// sender normally sends, and how widely each destination is known in the tenant.
/// </summary>
/// <remarks>
/// Pure logic over an <see cref="ICorrespondenceStore"/>: learning one message is two or three store calls whose
/// size is proportional to its recipients and distinct link hosts, so baselines of 100k messages stay fast.
/// A message counts for the mailbox it was delivered to (or sent from); pass each mailbox separately.
/// </remarks>
public sealed class CorrespondenceGraph(ICorrespondenceStore store)
{
    private const string WithLinks = "links";

    public ICorrespondenceStore Store => store;

    /// <summary>Learns <paramref name="message"/> as seen by <paramref name="mailbox"/> at <paramref name="at"/>.</summary>
    /// <param name="links">The message's links that are to be taken as normal; leave out flagged links.</param>
    public void Learn(EmailMessage message, string mailbox, IReadOnlyList<Link> links, DateTimeOffset at) =>
        LearnAll([new MessageToLearn(message, mailbox, links, at)]);

    /// <summary>
    /// Learns <paramref name="messages"/> (in order: a reply later in the list sees a thread begun earlier in it) with
    /// one read and one transaction of two writes, however many they are; <paramref name="alongside"/> is added in the
    /// same transaction (a baseline's "learned" marks).
    /// </summary>
    /// <remarks>A baseline learns a page this way, so that a page costs the store what one message costs; and learning
    /// is one <see cref="ICorrespondenceStore.AddWithFollowUp"/>, which PostgreSQL runs beside other hosts' learns of
    /// the same tenant instead of in turn.</remarks>
    public void LearnAll(IReadOnlyList<MessageToLearn> messages, IReadOnlyCollection<EdgeObservation>? alongside = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var identities = messages.Select(m => SenderClassifier.Classify(m.Message, m.Links)).ToList();
        var (knownThreads, knownLists) = KnownThreadsAndLists(messages, identities);
        var observations = new List<EdgeObservation>(alongside ?? []);
        var linked = new List<LinkedMessage>();
        for (var i = 0; i < messages.Count; i++)
            Observe(messages[i], identities[i], observations, knownThreads, knownLists, linked);
        if (observations.Count == 0)
            return;

        store.AddWithFollowUp(observations, created =>
        {
            // Tenant prevalence counts distinct addresses and mailboxes, so it moves only when an edge is new; it is
            // dated by the first message that made the edge.
            var counted = created
                .Where(e => (e.Kind == EdgeKind.SenderLinkDomain && !e.From.StartsWith('@')) || e.Kind == EdgeKind.MailboxLinkDomain)
                .ToHashSet();
            var more = counted.Count == 0 ? [] : observations.Where(o => counted.Remove(o.Key))
                .Select(o => new EdgeObservation(
                    new EdgeKey(o.Key.Kind == EdgeKind.SenderLinkDomain ? EdgeKind.TenantDomainSenders : EdgeKind.TenantDomainMailboxes, o.Key.To, ""), o.At))
                .ToList();
            more.AddRange(Novelty(linked, created));
            return more;
        });
    }

    /// <summary>
    /// The senders' novelty counters (<see cref="EdgeKind.SenderNovelty"/>): each message with links after its
    /// sender's first counts once, and once more as "new" when one of its link domains was new for the sender (an
    /// edge this learning created, credited to the first message in the batch that carried it). A sender's first
    /// message with links is left out: its domains are new by definition and say nothing of its habits.
    /// </summary>
    private static List<EdgeObservation> Novelty(List<LinkedMessage> linked, IReadOnlySet<EdgeKey> created)
    {
        var counts = new List<EdgeObservation>();
        var claimed = new HashSet<EdgeKey>();
        foreach (var (sender, kindKey, withLinks, domains, at) in linked)
        {
            var first = created.Contains(withLinks) && claimed.Add(withLinks);
            var introduced = false;
            foreach (var domain in domains)
                introduced |= created.Contains(domain) && claimed.Add(domain);
            if (first)
                continue;
            foreach (var key in (ReadOnlySpan<string>)[sender, kindKey])
            {
                counts.Add(new(new EdgeKey(EdgeKind.SenderNovelty, key, NoveltyLinks), at));
                if (introduced)
                    counts.Add(new(new EdgeKey(EdgeKind.SenderNovelty, key, NoveltyNew), at));
            }
        }
        return counts;
    }

    private const string NoveltyLinks = "links", NoveltyNew = "new";

    /// <summary>The key a sender kind's own novelty counters are kept under ("#person"): never an address or domain.</summary>
    private static string KindKey(SenderKind kind) => "#" + kind.ToString().ToLowerInvariant();

    /// <summary>A learned message with Web links, for the novelty counters: its sender's address key, its kind's key,
    /// its "messages with links" edge and its address's link-domain edges.</summary>
    private readonly record struct LinkedMessage(string Sender, string KindKey, EdgeKey WithLinks, List<EdgeKey> Domains, DateTimeOffset At);

    private static void Observe(MessageToLearn learning, MessageSender classified, List<EdgeObservation> observations,
        HashSet<EdgeKey> knownThreads, HashSet<EdgeKey> knownLists, List<LinkedMessage> linked)
    {
        var (message, mailbox, links, at) = learning;
        ArgumentNullException.ThrowIfNull(message);
        var mb = mailbox.Trim().ToLowerInvariant();
        var identity = Trusted(classified, message, mb, knownLists);
        var keys = SenderKeys.For(identity.Author);
        void Observe(EdgeKind kind, string from, string to) => observations.Add(new(new EdgeKey(kind, from, to), at));

        if (keys?.Address == mb)
        {
            foreach (var recipient in message.AllRecipients.Select(r => r.Normalized).Distinct())
            {
                if (recipient == mb || recipient.Length == 0) continue;
                Observe(EdgeKind.SentTo, mb, recipient);
                Observe(EdgeKind.SentToDomain, mb, DomainOf(recipient));
            }
            if (message.InternetMessageId is { } id)
            {
                Observe(EdgeKind.ThreadMessage, mb, id);
                knownThreads.Add(new EdgeKey(EdgeKind.ThreadMessage, mb, id));
            }
        }
        else if (keys is { } sender)
        {
            Observe(EdgeKind.ReceivedFrom, mb, sender.Address);
            Observe(EdgeKind.ReceivedFromDomain, mb, DomainOf(sender.Address));
            if (ThreadKeys(message, mb).Any(knownThreads.Contains))
                Observe(EdgeKind.SolicitedFrom, mb, sender.Address);
        }
        if (identity.Channel is { } channel && keys?.Address != mb)
        {
            Observe(EdgeKind.ReceivedViaList, mb, channel);
            knownLists.Add(new EdgeKey(EdgeKind.ReceivedViaList, mb, channel));
        }

        var web = WebLinks(links);
        if (keys is { } k)
        {
            foreach (var senderKey in k.All)
            {
                Observe(EdgeKind.SenderMessages, senderKey, "");
                if (web.Count > 0) Observe(EdgeKind.SenderMessages, senderKey, WithLinks);
                foreach (var (host, domain) in web)
                {
                    Observe(EdgeKind.SenderLinkHost, senderKey, host);
                    Observe(EdgeKind.SenderLinkDomain, senderKey, domain);
                }
            }
            if (web.Count > 0)
                linked.Add(new LinkedMessage(k.Address, KindKey(identity.Kind), new EdgeKey(EdgeKind.SenderMessages, k.Address, WithLinks),
                    [.. web.Select(w => w.Domain).Distinct().Select(d => new EdgeKey(EdgeKind.SenderLinkDomain, k.Address, d))], at));
        }
        foreach (var domain in web.Select(w => w.Domain).Distinct())
            Observe(EdgeKind.MailboxLinkDomain, mb, domain);
    }

    /// <summary>
    /// A munged list copy is judged as its author only when the mailbox already receives that list: otherwise anyone
    /// could send "Boss via Some-list" from a list address of their own with the boss in Reply-To and borrow the boss's
    /// history. A graph learned before lists were tracked knows the list as the sender its munged copies came from.
    /// </summary>
    private static MessageSender Trusted(MessageSender identity, EmailMessage message, string mailbox, IReadOnlySet<EdgeKey> knownLists) =>
        !identity.IsMunged || knownLists.Contains(new EdgeKey(EdgeKind.ReceivedViaList, mailbox, identity.Channel!)) ||
        knownLists.Contains(new EdgeKey(EdgeKind.ReceivedFrom, mailbox, identity.ListAddress!))
            ? identity
            : identity.AsWritten(message);

    /// <summary>The keys a munged list copy needs to be trusted (see <see cref="Trusted"/>); none for other mail.</summary>
    private static IEnumerable<EdgeKey> ListKeys(MessageSender identity, string mailbox) => identity.IsMunged
        ? [new EdgeKey(EdgeKind.ReceivedViaList, mailbox, identity.Channel!), new EdgeKey(EdgeKind.ReceivedFrom, mailbox, identity.ListAddress!)]
        : [];

    /// <summary>The threads the messages refer to, and the lists their munged copies came through, that the graph
    /// already holds: one read for all of them.</summary>
    private (HashSet<EdgeKey> Threads, HashSet<EdgeKey> Lists) KnownThreadsAndLists(IReadOnlyList<MessageToLearn> messages,
        List<MessageSender> identities)
    {
        var keys = messages.SelectMany((m, i) =>
        {
            var mb = m.Mailbox.Trim().ToLowerInvariant();
            return ThreadKeys(m.Message, mb).Concat(ListKeys(identities[i], mb));
        }).Distinct().ToList();
        if (keys.Count == 0)
            return ([], []);
        var found = store.Read(keys).Keys;
        return ([.. found.Where(k => k.Kind == EdgeKind.ThreadMessage)], [.. found.Where(k => k.Kind != EdgeKind.ThreadMessage)]);
    }

    /// <summary>What the graph knows, before learning it, of <paramref name="message"/>'s sender and links.</summary>
    public MessageHistory Describe(EmailMessage message, string mailbox, IReadOnlyList<Link> links)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mb = mailbox.Trim().ToLowerInvariant();
        var identity = SenderClassifier.Classify(message, links);
        if (identity.IsMunged)
            identity = Trusted(identity, message, mb, store.Read([.. ListKeys(identity, mb)]).Keys.ToHashSet());
        var keys = SenderKeys.For(identity.Author);
        var web = WebLinks(links);
        var wanted = new List<EdgeKey>();
        EdgeKey Want(EdgeKind kind, string from, string to)
        {
            var key = new EdgeKey(kind, from, to);
            wanted.Add(key);
            return key;
        }

        var threadKeys = ThreadReferences(message).Select(id => Want(EdgeKind.ThreadMessage, mb, id)).ToList();
        EdgeKey? receivedFrom = null, receivedFromDomain = null, sentTo = null, sentToDomain = null, solicited = null,
            messages = null, messagesWithLinks = null, noveltyLinks = null, noveltyNew = null, kindLinks = null, kindNew = null;
        // Only a link can be novel: a message without one does not need the novelty counters read.
        var kindKey = KindKey(identity.Kind);
        if (web.Count > 0)
        {
            kindLinks = Want(EdgeKind.SenderNovelty, kindKey, NoveltyLinks);
            kindNew = Want(EdgeKind.SenderNovelty, kindKey, NoveltyNew);
        }
        if (keys is { } k)
        {
            var domain = DomainOf(k.Address);
            receivedFrom = Want(EdgeKind.ReceivedFrom, mb, k.Address);
            receivedFromDomain = Want(EdgeKind.ReceivedFromDomain, mb, domain);
            sentTo = Want(EdgeKind.SentTo, mb, k.Address);
            sentToDomain = Want(EdgeKind.SentToDomain, mb, domain);
            solicited = Want(EdgeKind.SolicitedFrom, mb, k.Address);
            messages = Want(EdgeKind.SenderMessages, k.Address, "");
            messagesWithLinks = Want(EdgeKind.SenderMessages, k.Address, WithLinks);
            if (web.Count > 0)
            {
                noveltyLinks = Want(EdgeKind.SenderNovelty, k.Address, NoveltyLinks);
                noveltyNew = Want(EdgeKind.SenderNovelty, k.Address, NoveltyNew);
            }
        }
        foreach (var (host, domain) in web)
        {
            if (keys is { } s)
            {
                Want(EdgeKind.SenderLinkDomain, s.Address, domain);
                Want(EdgeKind.SenderLinkHost, s.Address, host);
                if (s.Domain is not null)
                {
                    Want(EdgeKind.SenderLinkDomain, s.Domain, domain);
                    Want(EdgeKind.SenderLinkHost, s.Domain, host);
                }
            }
            Want(EdgeKind.MailboxLinkDomain, mb, domain);
            Want(EdgeKind.TenantDomainSenders, domain, "");
            Want(EdgeKind.TenantDomainMailboxes, domain, "");
        }

        var found = store.Read(wanted);
        Tally? Get(EdgeKey? key) => key is { } e && found.TryGetValue(e, out var t) ? t : null;

        var sender = new SenderHistory(keys,
            Get(receivedFrom), keys?.Domain is null ? null : Get(receivedFromDomain),
            Get(sentTo), Get(sentToDomain), Get(solicited),
            threadKeys.Any(found.ContainsKey),
            Get(messages), Get(messagesWithLinks),
            identity,
            new NoveltyRate(identity.Kind, Get(noveltyLinks)?.Count ?? 0, Get(noveltyNew)?.Count ?? 0,
                Get(kindLinks)?.Count ?? 0, Get(kindNew)?.Count ?? 0));

        var byHost = new Dictionary<string, LinkHistory>();
        foreach (var (host, domain) in web)
        {
            Tally? BySender(EdgeKind kind, string to) => keys is { } s ? Get(new EdgeKey(kind, s.Address, to)) : null;
            Tally? ByDomain(EdgeKind kind, string to) => keys?.Domain is { } d ? Get(new EdgeKey(kind, d, to)) : null;
            byHost[host] = new LinkHistory(domain, host,
                BySender(EdgeKind.SenderLinkDomain, domain),
                ByDomain(EdgeKind.SenderLinkDomain, domain),
                BySender(EdgeKind.SenderLinkHost, host) ?? ByDomain(EdgeKind.SenderLinkHost, host),
                Get(new EdgeKey(EdgeKind.MailboxLinkDomain, mb, domain)),
                Get(new EdgeKey(EdgeKind.TenantDomainSenders, domain, "")),
                Get(new EdgeKey(EdgeKind.TenantDomainMailboxes, domain, "")));
        }
        return new MessageHistory(sender, byHost);
    }

    private static IEnumerable<EdgeKey> ThreadKeys(EmailMessage message, string mailbox) =>
        ThreadReferences(message).Select(id => new EdgeKey(EdgeKind.ThreadMessage, mailbox, id));

    private static IEnumerable<string> ThreadReferences(EmailMessage message) =>
        (message.InReplyTo is { } r ? message.References.Append(r) : message.References).Distinct();

    private static List<(string Host, string Domain)> WebLinks(IReadOnlyList<Link> links) =>
        [.. links.Where(l => l is { Kind: LinkKind.Web, Host: not null, RegistrableDomain: not null })
            .Select(l => (l.Host!, l.RegistrableDomain!)).Distinct()];

    private static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at < 0 ? address : address[(at + 1)..];
    }
}
