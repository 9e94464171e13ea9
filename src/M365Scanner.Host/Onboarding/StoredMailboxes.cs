using M365Scanner.Core.Operations;
using M365Scanner.Host.Mailboxes;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Onboarding;

/// <summary>The mailboxes of Scanner:Mailboxes, then those onboarding found in each tenant that is onboarding or
/// active (read from the store on every call, so a tenant onboarded or offboarded at run time counts at once).</summary>
public sealed class StoredMailboxes(IOptions<ScannerHostOptions> options, ITenantStore tenants) : IMonitoredMailboxes
{
    public IReadOnlyList<MonitoredMailbox> All()
    {
        var all = new List<MonitoredMailbox>(options.Value.Mailboxes);
        var seen = all.Select(m => (m.TenantId.ToLowerInvariant(), m.Mailbox.ToLowerInvariant())).ToHashSet();
        foreach (var tenant in tenants.All().Where(t => TenantStates.IsProtected(t.State)))
        {
            foreach (var mailbox in tenants.Mailboxes(tenant.TenantId))
            {
                if (seen.Add((tenant.TenantId.ToLowerInvariant(), mailbox)))
                    all.Add(new MonitoredMailbox { TenantId = tenant.TenantId, Mailbox = mailbox });
            }
        }
        return all;
    }
}
