using M365Scanner.Core.Senders;

namespace M365Scanner.Core.Correspondence;

/// <summary>What the mailbox knows of a message's sender, in the plain words verdicts use.</summary>
/// <param name="ReceivedFrom">Messages this mailbox received from the address before.</param>
/// <param name="ReceivedFromDomain">Messages this mailbox received from anyone at the sender's domain.</param>
/// <param name="SentTo">Messages this mailbox sent to the address.</param>
/// <param name="SentToDomain">Messages this mailbox sent to the sender's domain.</param>
/// <param name="Solicited">Replies from the address to threads this mailbox took part in.</param>
/// <param name="RepliesToOwnThread">This message replies to a thread the mailbox took part in.</param>
/// <param name="SenderMessages">Messages seen from this address tenant-wide.</param>
/// <param name="SenderMessagesWithLinks">Of those, messages that carried links.</param>
/// <param name="Identity">Who the message is judged as coming from (its kind, its author, the list it came through);
/// null when built by hand: then its From, as a person.</param>
/// <param name="Novelty">The sender's own rate of novelty; null: no counts, the prior.</param>
public sealed record SenderHistory(
    SenderKeys? Keys,
    Tally? ReceivedFrom,
    Tally? ReceivedFromDomain,
    Tally? SentTo,
    Tally? SentToDomain,
    Tally? Solicited,
    bool RepliesToOwnThread,
    Tally? SenderMessages,
    Tally? SenderMessagesWithLinks,
    MessageSender? Identity = null,
    NoveltyRate? Novelty = null)
{
    /// <summary>The sender's kind (<see cref="SenderKind.Person"/> when unknown).</summary>
    public SenderKind Kind => Identity?.Kind ?? SenderKind.Person;

    /// <summary>The sender's rate of novelty, the prior when the graph has no counts.</summary>
    public NoveltyRate NoveltyRate => Novelty ?? NoveltyRate.None(Kind);

    /// <summary>An established correspondent: the mailbox wrote to them, or heard from them at least
    /// <see cref="EstablishedMessages"/> times over at least <see cref="EstablishedDays"/> days. One definition for
    /// signals and policy alike.</summary>
    public bool IsEstablished => SentTo is not null || Solicited is not null ||
        ReceivedFrom is { Count: >= EstablishedMessages } r && r.SpanDays >= EstablishedDays;

    public const int EstablishedMessages = 3;
    public const double EstablishedDays = 7;

    public bool IsKnown => ReceivedFrom is not null || SentTo is not null || SentToDomain is not null ||
                           (Keys?.Domain is not null && ReceivedFromDomain is not null);
}
