using M365Scanner.Core.Hunting;
using M365Scanner.Core.Operations;
using M365Scanner.Host.Hunts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace M365Scanner.Host.AnalystConsole.Pages.Hunts;

/// <summary>Acts on a finished preview's matches: starts the same hunt (indicator, tenant, window) again with acting on,
/// and opens the new report. Only a report-only hunt that completed is a preview; anything else is refused.</summary>
[Authorize(Policy = ConsoleRoles.ActPolicy)]
public sealed class ActModel(IHuntStore hunts, HuntLauncher launcher) : PageModel
{
    public string? Problem { get; private set; }
    public string HuntId { get; private set; } = "";

    /// <summary>Acting is a POST from the report's button; a GET of this address only leads back to the report.</summary>
    public IActionResult OnGet(string id) => LocalRedirect(ConsolePaths.HuntPage(id ?? ""));

    public IActionResult OnPost(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || hunts.Get(id) is not { } preview)
            return NotFound();
        HuntId = preview.Id;
        if (preview.Act || preview.State != HuntState.Completed)
        {
            Problem = preview.Act ? "This hunt already acted on its matches." : "This hunt has not finished: act once its preview is complete.";
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        var order = new HuntOrder(preview.Indicator is { } text ? Indicator.Parse(text) : null, preview.WindowHours, null, null);
        var report = preview.Kind == HuntKind.Ioc
            ? ConsoleHunts.StartIoc(launcher, order, preview.TenantId, act: true, User)
            : ConsoleHunts.StartRetro(launcher, order, preview.TenantId, act: true, User);
        return LocalRedirect(ConsolePaths.HuntPage(report.Id));
    }
}
