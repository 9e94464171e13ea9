using M365Scanner.Core.Operations;
using M365Scanner.Core.Reference;
using M365Scanner.Host.Mailboxes;
using M365Scanner.Host.Tenants;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace M365Scanner.Host.AnalystConsole.Pages.Tenants;

/// <summary>Every tenant with its onboarding state, protection at a glance and policy mode; and the reference lists
/// this host scores with.</summary>
public sealed class IndexModel(ITenantStore tenants, IMonitoredMailboxes monitored, IWorkerStateStore state, TenantPolicies policies)
    : PageModel
{
    public IReadOnlyList<Row> Tenants { get; private set; } = [];

    public IReadOnlyList<ReferenceList> ReferenceLists { get; private set; } = [];

    public void OnGet()
    {
        Tenants = [.. TenantOverview.All(tenants, monitored).Select(t =>
        {
            var mailboxes = MailboxHealth.Of(t.TenantId, t.Mailboxes, state);
            return new Row(t, mailboxes.Count(m => m.BaselineComplete), mailboxes.Count(m => m.Subscriptions.Count > 0),
                StableName.Of(policies.For(t.TenantId).Policy.Mode));
        })];
        ReferenceLists = [.. ReferenceData.Current.Lists.OrderBy(l => l.Name, StringComparer.Ordinal)];
    }

    public sealed record Row(TenantOverview Tenant, int BaselinesComplete, int Subscribed, string Mode);
}
