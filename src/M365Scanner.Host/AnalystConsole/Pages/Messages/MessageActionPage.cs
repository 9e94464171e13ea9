using M365Scanner.Core.Operations;
using M365Scanner.Host.Tenants;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace M365Scanner.Host.AnalystConsole.Pages.Messages;

/// <summary>
/// What the pages that act on one message share: they read the message named by the posted form, and when the form
/// cannot be acted on they show the message page again with the problem and the typed reason, having done nothing.
/// A GET of such a page leads back to the message.
/// </summary>
public abstract class MessageActionPage(IVerdictStore verdicts, IAuditLog audit, IPolicyStore policies) : PageModel
{
    public MessageView? View { get; private set; }

    public IActionResult OnGet(string? tenant, string? mailbox, string? id) =>
        MessageView.KeyOf(tenant, mailbox, id) is { } key ? new SeeOther(ConsolePaths.MessagePage(key)) : LocalRedirect(ConsolePaths.Messages);

    /// <summary>Reads the message; false (and the not-found page set up) when it has no verdict.</summary>
    protected bool Load(string? tenant, string? mailbox, string? id)
    {
        View = MessageView.KeyOf(tenant, mailbox, id) is { } key ? MessageView.Load(key, verdicts, audit, policies, User) : null;
        if (View is null)
            Response.StatusCode = StatusCodes.Status404NotFound;
        return View is not null;
    }

    /// <summary>The message page again with <paramref name="problem"/> on <paramref name="form"/>; nothing was done.</summary>
    protected IActionResult Refuse(string form, string problem, string? reason)
    {
        View!.ProblemForm = form;
        View.Problem = problem;
        View.TypedReason = reason;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The reason as given, or the problem with it: one is required, and bounded.</summary>
    protected static (string? Reason, string? Problem) Reason(string? typed)
    {
        var reason = typed?.Trim();
        return string.IsNullOrEmpty(reason) ? (null, "a reason is required.")
            : reason.Length > PolicyEditor.MaxReason ? (reason, $"the reason is longer than {PolicyEditor.MaxReason} characters.")
            : (reason, null);
    }
}
