using M365Scanner.Host.Security;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.Mailboxes;
using M365Scanner.Host.Tenants;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace M365Scanner.Host.AnalystConsole.Pages.Tenants;

/// <summary>Adds and removes a tenant's allow and block entries, in the signed-in analyst's name, through the
/// <see cref="PolicyEditor"/> the admin API uses. A problem is shown with the form as it was typed; a change returns
/// to the tenant's page.</summary>
[Authorize(Policy = ConsoleRoles.ActPolicy)]
public sealed class EntriesModel(ITenantStore tenants, IMonitoredMailboxes monitored, PolicyEditor editor) : PageModel
{
    public EntryForm Form { get; private set; } = null!;
    public string? Problem { get; private set; }

    public IActionResult OnGet(string id) => Tenant(id) is { } tenant
        ? Show(new EntryForm(tenant.TenantId, tenant.Mailboxes), null, StatusCodes.Status200OK)
        : NotFound();

    public IActionResult OnPostAdd(string id, string? effect, string? kind, string? value, string? scope, string? reason)
    {
        if (Tenant(id) is not { } tenant)
            return NotFound();
        var typed = new EntryForm(tenant.TenantId, tenant.Mailboxes)
        {
            Effect = effect ?? "", Kind = kind ?? "", Value = value, Scope = scope ?? EntryForm.WholeTenant, Reason = reason,
        };
        if (!StableName.TryParse<PolicyEntryEffect>(effect, out var parsedEffect))
            return Show(typed, "Effect must be allow or block.", StatusCodes.Status400BadRequest);
        if (!StableName.TryParse<PolicyEntryKind>(kind, out var parsedKind))
            return Show(typed, "Kind must be sender, sender-domain or link-domain.", StatusCodes.Status400BadRequest);
        var mailbox = string.IsNullOrWhiteSpace(scope) || scope == EntryForm.WholeTenant ? null : scope;
        if (mailbox is not null && !tenant.Mailboxes.Contains(mailbox, StringComparer.OrdinalIgnoreCase))
            return Show(typed, "The scope must be the whole tenant or one of its mailboxes.", StatusCodes.Status400BadRequest);
        var (entry, problem) = editor.AddEntry(tenant.TenantId, parsedEffect, parsedKind, value, mailbox, reason, ActorNames.Of(User));
        return entry is null
            ? Show(typed, problem, StatusCodes.Status400BadRequest)
            : LocalRedirect(ConsolePaths.TenantPage(tenant.TenantId) + "?done=added#entries");
    }

    public IActionResult OnPostRemove(string id, string? entryId, string? reason)
    {
        if (Tenant(id) is not { } tenant)
            return NotFound();
        if (PolicyEditor.InvalidId(entryId) || editor.RemoveEntry(tenant.TenantId, entryId!, ActorNames.Of(User), reason) is not { } removed)
            return Show(new EntryForm(tenant.TenantId, tenant.Mailboxes), "The tenant has no such entry.", StatusCodes.Status404NotFound);
        return LocalRedirect(ConsolePaths.TenantPage(removed.TenantId) + "?done=removed#entries");
    }

    private TenantOverview? Tenant(string id) => PolicyEditor.InvalidId(id) ? null : TenantOverview.Find(id, tenants, monitored);

    private PageResult Show(EntryForm form, string? problem, int status)
    {
        Form = form;
        Problem = problem;
        Response.StatusCode = status;
        return Page();
    }
}
