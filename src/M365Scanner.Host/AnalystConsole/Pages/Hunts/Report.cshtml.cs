using M365Scanner.Core.Operations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace M365Scanner.Host.AnalystConsole.Pages.Hunts;

/// <summary>One hunt's report: what it looked for, where, how far it got, and each match with what was done.</summary>
public sealed class ReportModel(IHuntStore hunts) : PageModel
{
    public HuntReport Report { get; private set; } = null!;

    /// <summary>A finished preview with matches may be run again to act on them.</summary>
    public bool CanActOnMatches => Report is { Act: false, State: HuntState.Completed, Matches.Count: > 0 };

    public IActionResult OnGet(string id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || hunts.Get(id) is not { } report)
            return NotFound();
        Report = report;
        return Page();
    }
}
