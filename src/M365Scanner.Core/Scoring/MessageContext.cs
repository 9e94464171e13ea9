using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Links;
using M365Scanner.Core.Mail;

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

    /// <summary>The sender's domain (lower case), or "" when the message has no usable From.</summary>
    public string SenderDomain => (Message.From ?? Message.Sender)?.Domain ?? "";

    public bool SenderIsInternal => SenderDomain.Length > 0 && Tenant.IsInternal(SenderDomain);
}
