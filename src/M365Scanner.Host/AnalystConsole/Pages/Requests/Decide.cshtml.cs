using M365Scanner.Core.Operations;
using M365Scanner.Host.AnalystConsole.Pages.Messages;
using M365Scanner.Host.Scanning;
using M365Scanner.Host.Security;
using M365Scanner.Host.Tenants;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace M365Scanner.Host.AnalystConsole.Pages.Requests;

/// <summary>
/// An analyst's (or admin's) answer to a user's release request, checked here on the server whatever the form looked
/// like. Approve releases the message's held action through <see cref="MessageActions"/>, in the analyst's name, with
/// "release requested by &lt;user&gt;: &lt;note&gt;" as its reason; Deny records the analyst's reason, which the user's
/// blocked-link page then shows. A request already answered is refused, not answered twice.
/// </summary>
[Authorize(Policy = ConsoleRoles.ActPolicy)]
public sealed class DecideModel(IReleaseRequestStore requests, IVerdictStore verdicts, IAuditLog audit, IPolicyStore policies,
    MessageActions actions, TimeProvider clock, ILogger<DecideModel> log) : PageModel
{
    public string? Problem { get; private set; }
    public ReleaseRequest? Asked { get; private set; }

    /// <summary>Deciding is a POST from the requests page; a GET of this address leads back to it.</summary>
    public IActionResult OnGet() => LocalRedirect(ConsolePaths.Requests);

    public async Task<IActionResult> OnPostApproveAsync(string? id, CancellationToken ct)
    {
        if (Open(id) is { } refused)
            return refused;
        var request = Asked!;
        var view = MessageView.Load(request.Key, verdicts, audit, policies, User);
        if (view?.Releasable is not { } held)
            return Refuse(StatusCodes.Status409Conflict,
                "the message holds nothing to release (released already, or never held): deny the request with a reason for the user.");
        var actor = ActorNames.Of(User);
        var reason = $"release requested by {request.RequestedBy}" + (request.Note is { Length: > 0 } note ? $": {note}" : "");
        try
        {
            await actions.ReleaseAsync(held.Id, actor, ct, reason);
        }
        catch (InvalidOperationException ex)
        {
            // The product's own refusal (already released, nothing to restore): its words are meant for people.
            return Refuse(StatusCodes.Status409Conflict, $"the release was refused ({ex.Message}); the message's audit trail shows what was done.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Release of audit entry {AuditId} for request {RequestId} by {Actor} did not complete", held.Id, request.Id, actor);
            return Refuse(StatusCodes.Status502BadGateway,
                "the release did not complete (the host's log has the error); the message's audit trail shows how far it got.");
        }
        requests.Decide(request.Id, ReleaseRequestState.Released, actor, clock.GetUtcNow(), null);
        return new SeeOther(ConsolePaths.Requests + "?done=released");
    }

    public IActionResult OnPostDeny(string? id, string? reason)
    {
        if (Open(id) is { } refused)
            return refused;
        var given = reason?.Trim();
        if (string.IsNullOrEmpty(given))
            return Refuse(StatusCodes.Status400BadRequest, "a reason is required: the user is shown it.");
        if (given.Length > PolicyEditor.MaxReason)
            return Refuse(StatusCodes.Status400BadRequest, $"the reason is longer than {PolicyEditor.MaxReason} characters.");
        if (!requests.Decide(Asked!.Id, ReleaseRequestState.Denied, ActorNames.Of(User), clock.GetUtcNow(), given))
            return Refuse(StatusCodes.Status409Conflict, "the request was answered meanwhile.");
        return new SeeOther(ConsolePaths.Requests + "?done=denied");
    }

    /// <summary>Null when <paramref name="id"/> names an open request (then <see cref="Asked"/>); else the refusal.</summary>
    private IActionResult? Open(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || requests.Get(id) is not { } request)
            return NotFound();
        Asked = request;
        return request.State == ReleaseRequestState.Open ? null
            : Refuse(StatusCodes.Status409Conflict, $"the request was already answered ({StableName.Of(request.State)} by {request.DecidedBy}).");
    }

    private PageResult Refuse(int status, string problem)
    {
        Problem = "Not decided: " + problem;
        Response.StatusCode = status;
        return Page();
    }
}
