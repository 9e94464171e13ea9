using M365Scanner.Core.Operations;
using M365Scanner.Host.AnalystConsole.Pages.Messages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace M365Scanner.Host.AnalystConsole.Pages;

/// <summary>One message: its verdict, each link with where it was found and why it scored, its audit trail, the entries
/// that match it, and (for an Analyst or Admin) release, not-a-threat and block.</summary>
public sealed class MessageModel(IVerdictStore verdicts, IAuditLog audit, IPolicyStore policies) : PageModel
{
    public MessageView? View { get; private set; }

    /// <summary>What the redirect after a successful action says, by a fixed code: the page never echoes text from the URL.</summary>
    private static readonly Dictionary<string, string> Notices = new()
    {
        ["released"] = "Released: the original is back in the Inbox.",
        ["allowed"] = "Allow entry added.",
        ["blocked"] = "Block entry added.",
    };

    public IActionResult OnGet(string? tenant, string? mailbox, string? id, string? notice)
    {
        View = MessageView.KeyOf(tenant, mailbox, id) is { } key ? MessageView.Load(key, verdicts, audit, policies, User) : null;
        if (View is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        View.Notice = notice is not null && Notices.TryGetValue(notice, out var text) ? text : null;
        return Page();
    }

    public static string After(MessageKey key, string notice) => ConsolePaths.MessagePage(key) + "&notice=" + notice;
}
