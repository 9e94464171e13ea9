using M365Scanner.Core.Operations;
using M365Scanner.Host.Mailboxes;
using M365Scanner.Host.Scanning;
using M365Scanner.Host.Tenants;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace M365Scanner.Host.AnalystConsole.Pages.Tenants;

/// <summary>One tenant: onboarding state, each mailbox's baseline and subscriptions, its poison messages, and its
/// policy with its history and allow/block entries. Changing them is for the pages that post here (Entries, Policy).</summary>
public sealed class TenantModel(
    ITenantStore tenants, IMonitoredMailboxes monitored, IWorkerStateStore state, IScanAttemptStore attempts,
    IPolicyStore policyStore, TenantPolicies policies, TimeProvider clock) : PageModel
{
    public const int PoisonLimit = 100;

    public TenantOverview Tenant { get; private set; } = null!;
    public IReadOnlyList<MailboxHealth> Mailboxes { get; private set; } = [];
    public IReadOnlyList<PoisonListing> Poison { get; private set; } = [];
    public TenantPolicyPanel Policy { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }

    /// <summary>Set by the pages that redirect here after a change ("added", "removed", "saved").</summary>
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public IActionResult OnGet(string id)
    {
        if (PolicyEditor.InvalidId(id) || TenantOverview.Find(id, tenants, monitored) is not { } tenant)
            return NotFound();
        Tenant = tenant;
        Mailboxes = MailboxHealth.Of(tenant.TenantId, tenant.Mailboxes, state);
        Poison = [.. attempts.QueryPoison(new PoisonQuery(tenant.TenantId, null, PoisonLimit)).Select(PoisonListing.From)];
        Policy = TenantPolicyPanel.Of(tenant.TenantId, policyStore, policies);
        Now = clock.GetUtcNow();
        return Page();
    }

    public string? DoneText => Done switch
    {
        "added" => "Entry added.",
        "removed" => "Entry removed.",
        "saved" => "Policy saved. It applies to the tenant's next scan.",
        _ => null,
    };
}
