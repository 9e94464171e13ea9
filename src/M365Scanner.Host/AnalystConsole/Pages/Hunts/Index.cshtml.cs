using M365Scanner.Core.Operations;
using M365Scanner.Host.Mailboxes;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace M365Scanner.Host.AnalystConsole.Pages.Hunts;

/// <summary>The recent hunts, IOC and retro, whoever started them (the console, the API, the schedule, the feed);
/// and for analysts, the forms that start one.</summary>
public sealed class IndexModel(IHuntStore hunts, ITenantStore tenants, IMonitoredMailboxes monitored) : PageModel
{
    public const int Limit = 100;

    public IReadOnlyList<HuntReport> Hunts { get; private set; } = [];
    public HuntForm Form { get; private set; } = null!;

    public void OnGet()
    {
        Hunts = hunts.Recent(Limit);
        Form = new HuntForm([.. TenantOverview.All(tenants, monitored).Select(t => t.TenantId)]);
    }
}
