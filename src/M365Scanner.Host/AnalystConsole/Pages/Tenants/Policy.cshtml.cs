using M365Scanner.Host.Security;
using System.Globalization;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.Mailboxes;
using M365Scanner.Host.Tenants;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace M365Scanner.Host.AnalystConsole.Pages.Tenants;

/// <summary>An admin sets the tenant's policy override: each setting a value or "inherit" (blank), saved through the
/// <see cref="PolicyEditor"/> in the admin's name and in force for the tenant's next scan. An invalid form saves
/// nothing and says why.</summary>
[Authorize(Policy = ConsoleRoles.AdministerPolicy)]
public sealed class PolicyModel(ITenantStore tenants, IMonitoredMailboxes monitored, IPolicyStore store, TenantPolicies policies,
    PolicyEditor editor) : PageModel
{
    public const string Inherit = "inherit";
    public static readonly string[] Modes = [Inherit, "enforce", "report-only"];
    public static readonly string[] YesNo = [Inherit, "yes", "no"];

    public string TenantId { get; private set; } = "";
    public TenantPolicyPanel Current { get; private set; } = null!;
    public string? Problem { get; private set; }

    [BindProperty] public string Mode { get; set; } = Inherit;
    [BindProperty] public string? RewriteThreshold { get; set; }
    [BindProperty] public string? QuarantineThreshold { get; set; }
    [BindProperty] public string QuarantineEstablishedSenders { get; set; } = Inherit;
    [BindProperty] public string HeldMessageNotice { get; set; } = Inherit;

    public IActionResult OnGet(string id)
    {
        if (!Load(id))
            return NotFound();
        var o = Current.Override;
        Mode = o.Mode is { } mode ? StableName.Of(mode) : Inherit;
        RewriteThreshold = o.RewriteThreshold is { } r ? TenantPolicyPanel.Number(r) : null;
        QuarantineThreshold = o.QuarantineThreshold is { } q ? TenantPolicyPanel.Number(q) : null;
        QuarantineEstablishedSenders = TenantPolicyPanel.Setting(o.QuarantineEstablishedSenders);
        HeldMessageNotice = TenantPolicyPanel.Setting(o.HeldMessageNotice);
        return Page();
    }

    public IActionResult OnPost(string id)
    {
        if (!Load(id))
            return NotFound();
        var problem = Read(out var tenantOverride) ?? editor.SetOverride(TenantId, tenantOverride!, ActorNames.Of(User));
        if (problem is null)
            return LocalRedirect(ConsolePaths.TenantPage(TenantId) + "?done=saved#policy");
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private bool Load(string id)
    {
        if (PolicyEditor.InvalidId(id) || TenantOverview.Find(id, tenants, monitored) is not { } tenant)
            return false;
        TenantId = tenant.TenantId;
        Current = TenantPolicyPanel.Of(TenantId, store, policies);
        return true;
    }

    /// <summary>The form as an override, or the problem with it in the form's own words.</summary>
    private string? Read(out TenantPolicyOverride? tenantOverride)
    {
        tenantOverride = null;
        PolicyMode? mode = null;
        if (Mode != Inherit)
        {
            if (!StableName.TryParse<PolicyMode>(Mode, out var parsed))
                return "Mode must be inherit, enforce or report-only.";
            mode = parsed;
        }
        if (!Threshold(RewriteThreshold, out var rewrite))
            return "Rewrite threshold must be a number between 0 and 1, or blank to inherit.";
        if (!Threshold(QuarantineThreshold, out var quarantine))
            return "Quarantine threshold must be a number between 0 and 1, or blank to inherit.";
        if (QuarantineEstablishedSenders is not (Inherit or "yes" or "no"))
            return "Quarantine established senders must be inherit, yes or no.";
        bool? established = QuarantineEstablishedSenders == Inherit ? null : QuarantineEstablishedSenders == "yes";
        if (HeldMessageNotice is not (Inherit or "yes" or "no"))
            return "Notice in the Inbox when a message is held must be inherit, yes or no.";
        bool? notice = HeldMessageNotice == Inherit ? null : HeldMessageNotice == "yes";
        tenantOverride = new TenantPolicyOverride(mode, rewrite, quarantine, established, notice);
        return null;
    }

    // Range is the editor's to check (one rule with the API); here only "is it a number at all".
    private static bool Threshold(string? text, out double? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) || !double.IsFinite(parsed))
            return false;
        value = parsed;
        return true;
    }
}
