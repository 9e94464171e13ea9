using System.Globalization;
using M365Scanner.Core.Operations;
using M365Scanner.Host.Hunts;
using M365Scanner.Host.Mailboxes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.AnalystConsole.Pages.Hunts;

/// <summary>Starts a hunt as a report-only preview, checked by the same <see cref="HuntOrder"/> rules as the admin
/// API, and opens its report. A problem is shown with the form as it was typed.</summary>
[Authorize(Policy = ConsoleRoles.ActPolicy)]
public sealed class NewModel(HuntLauncher launcher, IOptions<HuntOptions> options, ITenantStore tenants, IMonitoredMailboxes monitored)
    : PageModel
{
    public HuntForm Form { get; private set; } = null!;
    public string? Problem { get; private set; }

    public void OnGet() => Form = new HuntForm(TenantIds());

    public IActionResult OnPostIoc(string? indicatorType, string? indicator, string? tenant, string? days)
    {
        var known = TenantIds();
        var typed = new HuntForm(known) { IndicatorType = indicatorType ?? "", Indicator = indicator, Tenant = tenant ?? HuntForm.AllTenants, Days = days };
        if (indicatorType is null || !HuntForm.IndicatorTypes.Contains(indicatorType))
            return Show(typed, "Indicator type must be domain, url or sender.");
        if (!Whole(days, out var dayCount))
            return Show(typed, "Days must be a whole number.");
        if (Scope(tenant, known) is not { } scope)
            return Show(typed, "Tenant must be one of the tenants, or all tenants.");
        var value = string.IsNullOrWhiteSpace(indicator) ? null : indicator;
        var order = HuntOrder.Ioc(indicatorType == "domain" ? value : null, indicatorType == "url" ? value : null,
            indicatorType == "sender" ? value : null, null, dayCount, options.Value);
        if (!order.IsValid)
            return Show(typed, order.Field == "indicator" ? "An indicator is required." : order.Problem);
        var report = ConsoleHunts.StartIoc(launcher, order, scope.Length == 0 ? null : scope, act: false, User);
        return LocalRedirect(ConsolePaths.HuntPage(report.Id));
    }

    public IActionResult OnPostRetro(string? hours, string? retroTenant)
    {
        var known = TenantIds();
        var typed = new HuntForm(known) { Hours = hours, RetroTenant = retroTenant ?? HuntForm.AllTenants };
        if (!Whole(hours, out var hourCount))
            return Show(typed, "Hours must be a whole number.");
        if (Scope(retroTenant, known) is not { } scope)
            return Show(typed, "Scope must be one of the tenants, or all tenants.");
        var order = HuntOrder.Retro(hourCount, options.Value);
        if (!order.IsValid)
            return Show(typed, order.Problem);
        var report = ConsoleHunts.StartRetro(launcher, order, scope.Length == 0 ? null : scope, act: false, User);
        return LocalRedirect(ConsolePaths.HuntPage(report.Id));
    }

    private List<string> TenantIds() => [.. TenantOverview.All(tenants, monitored).Select(t => t.TenantId)];

    /// <summary>The tenant id as known (its own spelling), "" for every tenant, null when unknown.</summary>
    private static string? Scope(string? asked, IReadOnlyList<string> known) =>
        string.IsNullOrEmpty(asked) ? HuntForm.AllTenants : known.FirstOrDefault(t => string.Equals(t, asked, StringComparison.OrdinalIgnoreCase));

    private static bool Whole(string? text, out int? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            return false;
        value = parsed;
        return true;
    }

    private PageResult Show(HuntForm form, string? problem)
    {
        Form = form;
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
