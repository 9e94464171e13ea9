using M365Scanner.Core.Operations;
using M365Scanner.Host.Scanning;
using M365Scanner.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace M365Scanner.Host.AnalystConsole.Pages.Messages;

/// <summary>
/// Releases a message's completed rewrite or quarantine, for an Analyst or Admin (checked here, on the server, whatever
/// the form looked like): with a reason, kept in the release's audit entry, and the analyst's confirmation that the
/// message is safe. Only the move the message page offered is released: one released meanwhile is refused, not redone.
/// </summary>
[Authorize(Policy = ConsoleRoles.ActPolicy)]
public sealed class ReleaseModel(IVerdictStore verdicts, IAuditLog audit, IPolicyStore policies, MessageActions actions, ILogger<ReleaseModel> log)
    : MessageActionPage(verdicts, audit, policies)
{
    public const string Confirmed = "yes";

    public async Task<IActionResult> OnPostAsync(string? tenant, string? mailbox, string? id, long auditId, string? reason, string? confirm,
        CancellationToken ct)
    {
        if (!Load(tenant, mailbox, id))
            return Page();
        var (given, problem) = Reason(reason);
        if (problem is not null)
            return Refuse("release", problem, given);
        if (confirm != Confirmed)
            return Refuse("release", "confirm that you checked the message is safe to return to the mailbox.", given);
        if (View!.Releasable?.Id != auditId)
            return Refuse("release", "that action is no longer releasable (released meanwhile?); the audit trail shows what was done.", given);
        try
        {
            await actions.ReleaseAsync(auditId, ActorNames.Of(User), ct, given);
        }
        catch (InvalidOperationException ex)
        {
            // The product's own refusal (already released, nothing to restore): its words are meant for people.
            Load(tenant, mailbox, id);
            return Refuse("release", $"the release was refused ({ex.Message}); the audit trail shows what was done.", given);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Graph's or the store's error text stays in the log: it can name internals the page has no business showing.
            log.LogWarning(ex, "Release of audit entry {AuditId} by {Actor} did not complete", auditId, ActorNames.Of(User));
            Load(tenant, mailbox, id);
            return Refuse("release", "the release did not complete (the host's log has the error); the audit trail shows how far it got.", given);
        }
        return new SeeOther(MessageModel.After(View.Key, "released"));
    }
}
