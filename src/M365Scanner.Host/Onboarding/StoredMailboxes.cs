using M365Scanner.Core.Operations;
using M365Scanner.Host.Mailboxes;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Onboarding;

/// <summary>The mailboxes of Scanner:Mailboxes, then those onboarding found in each tenant that is onboarding or
/// active (read from the store on every call, so a tenant onboarded or offboarded at run time counts at once). A
/// tenant's reporting mailbox is never among them, even when named: it is full of reported phish, which must not be
/// scanned, acted on, learned from or hunted (<see cref="ReportingMailboxes"/>).</summary>
public sealed class StoredMailboxes(IOptions<ScannerHostOptions> options, ITenantStore tenants, ReportingMailboxes reporting) : IMonitoredMailboxes
{
    public IReadOnlyList<MonitoredMailbox> All()
    {
        var all = new List<MonitoredMailbox>(options.Value.Mailboxes.Where(m => !reporting.Is(m.TenantId, m.Mailbox)));
        var seen = all.Select(m => (m.TenantId.ToLowerInvariant(), m.Mailbox.ToLowerInvariant())).ToHashSet();
        foreach (var tenant in tenants.All().Where(t => TenantStates.IsProtected(t.State)))
        {
            foreach (var mailbox in tenants.Mailboxes(tenant.TenantId))
            {
                if (!reporting.Is(tenant.TenantId, mailbox) && seen.Add((tenant.TenantId.ToLowerInvariant(), mailbox)))
                    all.Add(new MonitoredMailbox { TenantId = tenant.TenantId, Mailbox = mailbox });
            }
        }
        return all;
    }
}
