namespace M365Scanner.Core.Correspondence;

/// <summary>What the tenant knows of one link destination (registrable domain and host).</summary>
/// <param name="BySender">Links to this domain the sender's address sent before (to anyone in the tenant).</param>
/// <param name="BySenderDomain">Links to this domain anyone at the sender's (non-freemail) domain sent before.</param>
/// <param name="HostBySender">Links to this exact host the sender (address or domain) sent before.</param>
/// <param name="InMailbox">Links to this domain this mailbox received or sent before.</param>
/// <param name="TenantSenders">Distinct sender addresses that sent this domain to the tenant; First is when the
/// tenant first saw it.</param>
/// <param name="TenantMailboxes">Distinct mailboxes of the tenant that saw this domain.</param>
public sealed record LinkHistory(
    string Domain,
    string? Host,
    Tally? BySender,
    Tally? BySenderDomain,
    Tally? HostBySender,
    Tally? InMailbox,
    Tally? TenantSenders,
    Tally? TenantMailboxes)
{
    public static LinkHistory Unknown(string domain, string? host) => new(domain, host, null, null, null, null, null, null);

    public bool SenderHasSentDomain => BySender is not null || BySenderDomain is not null;
}
