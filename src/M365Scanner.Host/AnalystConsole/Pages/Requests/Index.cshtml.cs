using M365Scanner.Core.Operations;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace M365Scanner.Host.AnalystConsole.Pages.Requests;

/// <summary>The users' open release requests, oldest first (the order to answer them); analysts and admins approve or
/// deny each from here.</summary>
public sealed class IndexModel(IReleaseRequestStore requests, IVerdictStore verdicts) : PageModel
{
    public const int Limit = 200;

    public IReadOnlyList<RequestRow> Open { get; private set; } = [];

    /// <summary>What the last decision did, from the redirect that followed it.</summary>
    public string? Done { get; private set; }

    public void OnGet(string? done)
    {
        Open = [.. requests.Open(Limit).Select(r => RequestRow.Of(r, verdicts))];
        Done = done switch
        {
            "released" => "Released: the original is back in the user's Inbox, and the user's page says so.",
            "denied" => "Denied: the user's page shows your reason.",
            _ => null,
        };
    }
}
