using M365Scanner.Core.Operations;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace M365Scanner.Host.AnalystConsole.Pages.Reports;

/// <summary>The users' phish reports, newest first, each with the scanner's verdict on the original; analysts and
/// admins confirm (which starts hunts for its indicators) or dismiss the open ones from here.</summary>
public sealed class IndexModel(IPhishReportStore reports, IVerdictStore verdicts) : PageModel
{
    public const int Limit = 200;

    public IReadOnlyList<ReportRow> Rows { get; private set; } = [];

    /// <summary>What the last decision did, from the redirect that followed it.</summary>
    public string? Done { get; private set; }

    public void OnGet(string? done, int? hunts)
    {
        Rows = [.. reports.Recent(Limit).Select(r => ReportRow.Of(r, verdicts))];
        Done = done switch
        {
            "confirmed" when hunts is > 0 => $"Confirmed as phish: {hunts} hunt(s) started for its indicators, each a preview; act on a hunt's matches from its page.",
            "confirmed" => "Confirmed as phish. It had no indicator to hunt for (its sender and links are the tenant's own or allowed).",
            "dismissed" => "Dismissed: recorded as not phish, with your reason.",
            _ => null,
        };
    }
}
