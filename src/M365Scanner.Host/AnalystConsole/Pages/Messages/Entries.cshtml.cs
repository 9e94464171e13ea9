using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.Security;
using M365Scanner.Host.Tenants;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace M365Scanner.Host.AnalystConsole.Pages.Messages;

/// <summary>
/// "Not a threat" and "Block" from a message, for an Analyst or Admin (checked here, on the server): an allow entry for
/// one of its flagged link domains, its sender or sender domain, or a block entry for one of its link domains, for its mailbox or the whole
/// tenant, added through the <see cref="PolicyEditor"/> in the analyst's name with their reason. The value comes from
/// the stored message, never from the form, so these forms add entries about this message only.
/// </summary>
[Authorize(Policy = ConsoleRoles.ActPolicy)]
public sealed class EntriesModel(IVerdictStore verdicts, IAuditLog audit, IPolicyStore policies, PolicyEditor editor)
    : MessageActionPage(verdicts, audit, policies)
{
    public IActionResult OnPostAllow(string? tenant, string? mailbox, string? id, string? kind, string? scope, string? reason)
    {
        if (!Load(tenant, mailbox, id))
            return Page();
        var sender = View!.Verdict.Sender?.ToLowerInvariant();
        var (entryKind, value) = kind switch
        {
            "sender" => (PolicyEntryKind.SenderAddress, sender),
            "sender-domain" => (PolicyEntryKind.SenderDomain, View.SenderDomain),
            { } choice when choice.StartsWith(LinkDomainChoice, StringComparison.Ordinal) =>
                (PolicyEntryKind.LinkDomain, LinkDomainOfMessage(choice[LinkDomainChoice.Length..])),
            _ => (PolicyEntryKind.SenderAddress, null),
        };
        return value is null
            ? Refuse("allow", "choose one of the message's link domains, the sender or its domain.", reason?.Trim())
            : Add("allow", PolicyEntryEffect.Allow, entryKind, value, scope, reason, "allowed");
    }

    public IActionResult OnPostBlock(string? tenant, string? mailbox, string? id, string? domain, string? scope, string? reason)
    {
        if (!Load(tenant, mailbox, id))
            return Page();
        var chosen = LinkDomainOfMessage(domain);
        return chosen is null
            ? Refuse("block", "choose one of the message's link domains.", reason?.Trim())
            : Add("block", PolicyEntryEffect.Block, PolicyEntryKind.LinkDomain, chosen, scope, reason, "blocked");
    }

    /// <summary>How the allow form names a link domain among its choices ("link-domain:evil.example").</summary>
    public const string LinkDomainChoice = "link-domain:";

    private string? LinkDomainOfMessage(string? domain) =>
        View!.BlockableDomains.FirstOrDefault(d => string.Equals(d, domain, StringComparison.OrdinalIgnoreCase));

    private IActionResult Add(string form, PolicyEntryEffect effect, PolicyEntryKind kind, string value, string? scope, string? reason, string notice)
    {
        var (given, problem) = Reason(reason);
        if (problem is not null)
            return Refuse(form, problem, given);
        if (scope is not ("mailbox" or "tenant"))
            return Refuse(form, "choose this mailbox or the whole tenant.", given);
        var key = View!.Key;
        var (_, refused) = editor.AddEntry(key.TenantId, effect, kind, value, scope == "mailbox" ? key.Mailbox : null, given, ActorNames.Of(User));
        return refused is not null ? Refuse(form, refused + ".", given) : new SeeOther(MessageModel.After(key, notice));
    }
}
