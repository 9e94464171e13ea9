using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace M365Scanner.Host.AnalystConsole.Pages.Messages;

/// <summary>The messages the scanner judged, newest first, narrowed by the search form.</summary>
public sealed class IndexModel(IVerdictStore verdicts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Tenant { get; set; }
    [BindProperty(SupportsGet = true)] public string? Mailbox { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }

    public IReadOnlyList<VerdictRecord> Results { get; private set; } = [];

    public const int Limit = 200;

    public void OnGet()
    {
        MessageAction? action = StableName.TryParse<MessageAction>(Action ?? "", out var parsed) ? parsed : null;
        Results = verdicts.Query(new VerdictQuery(Blank(Tenant), Blank(Mailbox)?.ToLowerInvariant(), action, null, Limit));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
