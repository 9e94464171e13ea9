using M365Scanner.Core.Links;
using M365Scanner.Core.Mail;

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
        var knownThreads = KnownThreads(messages);
        var observations = new List<EdgeObservation>(alongside ?? []);
        foreach (var message in messages)
            Observe(message, observations, knownThreads);
        if (observations.Count == 0)
            return;

        store.AddWithFollowUp(observations, created =>
        {
            // Tenant prevalence counts distinct addresses and mailboxes, so it moves only when an edge is new; it is
            // dated by the first message that made the edge.
            var counted = created
                .Where(e => (e.Kind == EdgeKind.SenderLinkDomain && !e.From.StartsWith('@')) || e.Kind == EdgeKind.MailboxLinkDomain)
                .ToHashSet();
            return counted.Count == 0 ? [] : observations.Where(o => counted.Remove(o.Key))
                .Select(o => new EdgeObservation(
                    new EdgeKey(o.Key.Kind == EdgeKind.SenderLinkDomain ? EdgeKind.TenantDomainSenders : EdgeKind.TenantDomainMailboxes, o.Key.To, ""), o.At))
                .ToList();
        });
    }

    private static void Observe(MessageToLearn learning, List<EdgeObservation> observations, HashSet<EdgeKey> knownThreads)
    {
        var (message, mailbox, links, at) = learning;
        ArgumentNullException.ThrowIfNull(message);
        var mb = mailbox.Trim().ToLowerInvariant();
        var author = message.From ?? message.Sender;
        var keys = SenderKeys.For(author);
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
        }
        foreach (var domain in web.Select(w => w.Domain).Distinct())
            Observe(EdgeKind.MailboxLinkDomain, mb, domain);
    }

    /// <summary>The threads the messages refer to that the graph already holds: one read for all of them.</summary>
    private HashSet<EdgeKey> KnownThreads(IReadOnlyList<MessageToLearn> messages)
    {
        var keys = messages.SelectMany(m => ThreadKeys(m.Message, m.Mailbox.Trim().ToLowerInvariant())).Distinct().ToList();
        return keys.Count == 0 ? [] : [.. store.Read(keys).Keys];
    }

    /// <summary>What the graph knows, before learning it, of <paramref name="message"/>'s sender and links.</summary>
    public MessageHistory Describe(EmailMessage message, string mailbox, IReadOnlyList<Link> links)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mb = mailbox.Trim().ToLowerInvariant();
        var keys = SenderKeys.For(message.From ?? message.Sender);
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
            messages = null, messagesWithLinks = null;
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
            Get(messages), Get(messagesWithLinks));

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
