using M365Scanner.Core.Hunting;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.Hunts;
using M365Scanner.Host.Mailboxes;
using M365Scanner.Host.Security;
using M365Scanner.Host.Tenants;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.AnalystConsole.Pages.Reports;

/// <summary>
/// An analyst's (or admin's) decision on a phish report, checked here on the server whatever the form looked like.
/// "Confirm phish" starts one IOC hunt per indicator of the original (<see cref="ReportedIndicators"/>: its sender and
/// link domains, less the tenant's own and allowed ones) over the tenant's protected mailboxes, in the analyst's name,
/// and records the report as confirmed (label phish) with those hunts. The hunts are previews (nothing moved): a
/// phish's links include domains that legitimate mail links too (a brand's image host, a shared file service), so the
/// analyst sees each hunt's matches first and acts on them from its page, as with any console preview.
/// With "Also block the sender", confirming also adds a tenant-wide block entry for the original's sender through
/// <see cref="PolicyEditor"/> (so its next message is quarantined whatever it scores), unless the sender is at one of the
/// tenant's own domains: blocking a colleague's hijacked account would stop their legitimate mail too, a call for the
/// tenant's page, not a side effect of a report.
/// "Not phish" records the report as dismissed (label benign) with the analyst's reason, which is required.
/// </summary>
[Authorize(Policy = ConsoleRoles.ActPolicy)]
public sealed class DecideModel(IPhishReportStore reports, IMonitoredMailboxes monitored, ReportingMailboxes reporting,
    TenantPolicies policies, PolicyEditor editor, HuntLauncher launcher, IOptions<HuntOptions> huntOptions, TimeProvider clock,
    ILogger<DecideModel> log) : PageModel
{
    public string? Problem { get; private set; }

    /// <summary>Deciding is a POST from the reports page; a GET of this address leads back to it.</summary>
    public IActionResult OnGet() => LocalRedirect(ConsolePaths.Reports);

    public IActionResult OnPostConfirm(string? id, string? reason, bool block)
    {
        if (Open(id, out var report) is { } refused)
            return refused;
        if (Reason(reason, required: false, out var given) is { } bad)
            return bad;
        var policy = policies.For(report.TenantId);
        var own = OwnDomains(report.TenantId).ToList();
        var indicators = ReportedIndicators.From(report, own, policy.Policy, policy.Entries);
        var hours = huntOptions.Value.IocHuntDays * 24;
        var hunts = indicators
            .Select(i => ConsoleHunts.StartIoc(launcher, new HuntOrder(i, hours, null, null), report.TenantId, act: false, User).Id)
            .ToList();
        var actor = ActorNames.Of(User);
        if (!reports.Decide(report.Id, PhishReportState.Confirmed, actor, clock.GetUtcNow(), given, hunts))
            return Refuse(StatusCodes.Status409Conflict, "the report was answered meanwhile (the hunts started are previews and move nothing).");
        log.LogInformation("Phish report {Id} confirmed by {Actor}: {Count} hunt(s) started for {Indicators}", report.Id, actor,
            hunts.Count, string.Join(", ", indicators));
        var blocked = block ? Block(report, own, given, actor) : "";
        return new SeeOther($"{ConsolePaths.Reports}?done=confirmed&hunts={hunts.Count}{blocked}");
    }

    /// <summary>The tenant-wide block of the original's sender; the redirect's word on the outcome.</summary>
    private string Block(PhishReport report, IReadOnlyList<string> own, string? reason, string actor)
    {
        if (report.OriginalSender is not { } sender)
            return "&blocked=unknown";
        // Who sent an inline forward is only what its body's "From:" line says, and an unverified reporter is anyone who
        // can mail the reporting mailbox: neither may decide whom the whole tenant blocks.
        if (!report.ReporterVerified || report.OriginalMessageId is null)
            return "&blocked=unproven";
        if (own.Any(d => sender.EndsWith("@" + d, StringComparison.OrdinalIgnoreCase) || sender.EndsWith("." + d, StringComparison.OrdinalIgnoreCase)))
            return "&blocked=own";
        var because = $"confirmed phish report {report.Id}" + (reason is null ? "" : $": {reason}");
        var (_, problem) = editor.AddEntry(report.TenantId, PolicyEntryEffect.Block, PolicyEntryKind.SenderAddress, sender, null,
            because.Length > PolicyEditor.MaxReason ? because[..PolicyEditor.MaxReason] : because, actor);
        return problem is null ? "&blocked=yes" : "&blocked=invalid";
    }

    public IActionResult OnPostDismiss(string? id, string? reason)
    {
        if (Open(id, out var report) is { } refused)
            return refused;
        if (Reason(reason, required: true, out var given) is { } bad)
            return bad;
        if (!reports.Decide(report.Id, PhishReportState.Dismissed, ActorNames.Of(User), clock.GetUtcNow(), given, []))
            return Refuse(StatusCodes.Status409Conflict, "the report was answered meanwhile.");
        return new SeeOther(ConsolePaths.Reports + "?done=dismissed");
    }

    /// <summary>The tenant's own domains: those of its protected mailboxes and of its reporting mailbox.</summary>
    private IEnumerable<string> OwnDomains(string tenantId) =>
        monitored.All().Where(m => string.Equals(m.TenantId, tenantId, StringComparison.OrdinalIgnoreCase)).Select(m => m.Mailbox)
            .Concat(reporting.For(tenantId) is { } r ? [r] : [])
            .Select(address => address[(address.IndexOf('@') + 1)..])
            .Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>Null when <paramref name="id"/> names an open report (then <paramref name="report"/>); else the refusal.</summary>
    private IActionResult? Open(string? id, out PhishReport report)
    {
        report = null!;
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || reports.Get(id) is not { } found)
            return NotFound();
        report = found;
        return found.State == PhishReportState.Open ? null
            : Refuse(StatusCodes.Status409Conflict, $"the report was already answered ({StableName.Of(found.State)} by {found.DecidedBy}).");
    }

    private PageResult? Reason(string? reason, bool required, out string? given)
    {
        given = reason?.Trim() is { Length: > 0 } text ? text : null;
        if (required && given is null)
            return Refuse(StatusCodes.Status400BadRequest, "a reason is required: it is the feedback kept with the report.");
        if (given?.Length > PolicyEditor.MaxReason)
            return Refuse(StatusCodes.Status400BadRequest, $"the reason is longer than {PolicyEditor.MaxReason} characters.");
        return null;
    }

    private PageResult Refuse(int status, string problem)
    {
        Problem = "Not decided: " + problem;
        Response.StatusCode = status;
        return Page();
    }
}
