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

    public void OnGet(string? done, int? hunts, string? blocked)
    {
        Rows = [.. reports.Recent(Limit).Select(r => ReportRow.Of(r, verdicts))];
        Done = done switch
        {
            "confirmed" when hunts is > 0 => $"Confirmed as phish: {hunts} hunt(s) started for its indicators, each a preview; act on a hunt's matches from its page.",
            "confirmed" => "Confirmed as phish. It had no indicator to hunt for (its sender and links are the tenant's own or allowed).",
            "dismissed" => "Dismissed: recorded as not phish, with your reason.",
            _ => null,
        };
        if (Done is not null && done == "confirmed")
            Done += blocked switch
            {
                "yes" => " The sender is blocked for the tenant (its page lists the entry).",
                "own" => " The sender was not blocked: it is at one of the tenant's own domains (block it from the tenant's page if need be).",
                "unknown" => " The sender was not blocked: the report does not say who sent the original.",
                "unproven" => " The sender was not blocked: the report came from an unverified reporter or without the original attached, so who sent it is not established (block it from the tenant's page if need be).",
                "invalid" => " The sender was not blocked: its address is not one a block entry can hold.",
                _ => "",
            };
    }
}
