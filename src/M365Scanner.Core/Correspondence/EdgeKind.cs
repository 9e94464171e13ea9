namespace M365Scanner.Core.Correspondence;

/// <summary>
/// The kinds of edge the correspondence graph keeps. Each is a counter between two keys; what the keys are
/// is given per kind. Values are stored, so never renumber.
/// </summary>
public enum EdgeKind : byte
{
    /// <summary>mailbox → correspondent address: messages the mailbox received from them.</summary>
    ReceivedFrom = 1,
    /// <summary>mailbox → correspondent domain: messages received from anyone at that domain.</summary>
    ReceivedFromDomain = 2,
    /// <summary>mailbox → address: messages the mailbox sent to them.</summary>
    SentTo = 3,
    /// <summary>mailbox → domain: messages the mailbox sent to anyone at that domain.</summary>
    SentToDomain = 4,
    /// <summary>mailbox → address: messages received from them that replied to a thread the mailbox took part in.</summary>
    SolicitedFrom = 5,
    /// <summary>mailbox → internet message id: messages of threads the mailbox took part in (sent or replied to).</summary>
    ThreadMessage = 6,
    /// <summary>sender key → link registrable domain: links to that domain the sender has sent (to anyone in the tenant).</summary>
    SenderLinkDomain = 7,
    /// <summary>sender key → link host.</summary>
    SenderLinkHost = 8,
    /// <summary>sender key → "": messages seen from the sender, and (key "links") those that carried links.</summary>
    SenderMessages = 9,
    /// <summary>mailbox → link registrable domain: links to that domain the mailbox has received or sent.</summary>
    MailboxLinkDomain = 10,
    /// <summary>link registrable domain → "": number of distinct sender keys that sent it (the tally counts senders).</summary>
    TenantDomainSenders = 11,
    /// <summary>link registrable domain → "": number of distinct mailboxes that saw it.</summary>
    TenantDomainMailboxes = 12,
    /// <summary>mailbox → hash of a history message's Graph id: the message is learned by the mailbox's baseline
    /// (count 1). Bookkeeping, not correspondence: it makes a history page read twice after a restart harmless.</summary>
    BaselineMessage = 13,
    /// <summary>sender address or sender kind ("#person", "#mailinglist", ...) → "links": messages with links that
    /// followed the sender's first one; → "new": those of them that linked a domain the sender had never linked.
    /// The sender's own rate of novelty (<see cref="NoveltyRate"/>). Counted since this kind was added: a graph
    /// learned before has none, and its senders are judged by the prior until they have some.</summary>
    SenderNovelty = 14,
    /// <summary>mailbox → list id: list copies the mailbox received through that list (the channel of list mail).</summary>
    ReceivedViaList = 15,
}
