using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Senders;

namespace M365Scanner.Core.Scoring;

/// <summary>Everything a message-level signal may look at. No I/O: the graph was read before scoring.</summary>
/// <param name="Now">The scoring instant (delivery time; the Date header offline), never the wall clock.</param>
public sealed record MessageContext(
    EmailMessage Message,
    string Mailbox,
    IReadOnlyList<Link> Links,
    MessageHistory History,
    TenantProfile Tenant,
    DateTimeOffset Now)
{
    public SenderHistory Sender => History.Sender;

    /// <summary>Who the message is judged as coming from: its author (for a list's munged copy, the author the list
    /// names), its kind and channel.</summary>
    public MessageSender Identity => Sender.Identity ?? MessageSender.Plain(Message);

    /// <summary>The author's address as judged (see <see cref="Identity"/>), or null.</summary>
    public EmailAddress? Author => Identity.Author;

    /// <summary>The author's domain (lower case), or "" when the message has no usable From.</summary>
    public string SenderDomain => Identity.Domain;

    public bool SenderIsInternal => SenderDomain.Length > 0 && Tenant.IsInternal(SenderDomain);
}
