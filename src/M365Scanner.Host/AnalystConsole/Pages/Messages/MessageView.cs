using System.Security.Claims;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Scanning;

namespace M365Scanner.Host.AnalystConsole.Pages.Messages;

/// <summary>
/// Everything the message page shows about one message, read from the stores: its verdict and links, its audit trail,
/// what can be released, the allow and block entries in force that match it; and the state of its forms when one was
/// posted back with a problem (the typed reason is kept, nothing was done).
/// </summary>
public sealed class MessageView
{
    public const int TrailLimit = 200;

    private MessageView(VerdictRecord verdict, IReadOnlyList<LinkReport> links, IReadOnlyList<AuditEntry> trail,
        IReadOnlyList<PolicyEntry> matching, bool canAct)
    {
        Verdict = verdict;
        Links = links;
        Trail = trail;
        MatchingEntries = matching;
        CanAct = canAct;
        // The latest completed move is what a release undoes; an earlier one was released already or superseded.
        Releasable = trail.LastOrDefault(e => e.Action is AuditAction.Rewrite or AuditAction.Quarantine && e.State == AuditState.Completed
                                              && e.OriginalMessageId is not null);
        Released = trail.LastOrDefault(e => e is { Action: AuditAction.Release, State: AuditState.Completed });
        SenderDomain = verdict.Sender is { } sender && sender.LastIndexOf('@') is var at and > 0 && at < sender.Length - 1
            ? sender[(at + 1)..].ToLowerInvariant() : null;
        var flagged = links.Where(l => l.Action != "allow").ToList();
        BlockableDomains = (flagged.Count > 0 ? flagged : links).Select(l => l.Domain).OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    public VerdictRecord Verdict { get; }
    public MessageKey Key => Verdict.Key;
    public IReadOnlyList<LinkReport> Links { get; }
    public IReadOnlyList<AuditEntry> Trail { get; }
    public AuditEntry? Releasable { get; }

    /// <summary>The latest completed release of the message, if one was made.</summary>
    public AuditEntry? Released { get; }
    public IReadOnlyList<PolicyEntry> MatchingEntries { get; }
    public bool CanAct { get; }
    public string? SenderDomain { get; }

    /// <summary>The domains a Block entry is offered for: the flagged links' (all links' when none is flagged).</summary>
    public IReadOnlyList<string> BlockableDomains { get; }

    /// <summary>What a successful action left to say (from the redirect after it), or null.</summary>
    public string? Notice { get; set; }

    /// <summary>A posted form that was refused: which one ("release", "allow", "block"), why, and what was typed.</summary>
    public string? ProblemForm { get; set; }
    public string? Problem { get; set; }
    public string? TypedReason { get; set; }

    public string? ReasonFor(string form) => ProblemForm == form ? TypedReason : null;

    public string? ProblemFor(string form) => ProblemForm == form ? Problem : null;

    /// <summary>Null when the message has no verdict.</summary>
    public static MessageView? Load(MessageKey key, IVerdictStore verdicts, IAuditLog audit, IPolicyStore policies, ClaimsPrincipal user)
    {
        if (verdicts.Get(key) is not { } verdict)
            return null;
        var links = LinkReport.ReadStored(verdict.LinksJson);
        var hosts = links.Select(l => Uri.TryCreate(l.Target, UriKind.Absolute, out var uri) ? uri.Host : null).OfType<string>().ToList();
        var matching = policies.Entries(key.TenantId)
            .Where(e => e.AppliesTo(key.Mailbox)
                        && (verdict.Sender is { } sender && e.MatchesSender(sender.ToLowerInvariant()) || hosts.Any(e.MatchesLinkHost)))
            .ToList();
        return new MessageView(verdict, links, audit.ForMessage(key, TrailLimit), matching,
            ConsoleRoles.Actors.Any(user.IsInRole));
    }

    /// <summary>A message key from the page's query (a Message-ID with or without its angle brackets, as keys keep it
    /// without); null when a part is missing or implausible.</summary>
    public static MessageKey? KeyOf(string? tenant, string? mailbox, string? id) =>
        Plausible(tenant, 128) && Plausible(mailbox, VerdictSearchTerms.MaxAddress) && Plausible(id, VerdictSearchTerms.MaxMessageId)
            ? new MessageKey(tenant!.Trim(), mailbox!.Trim().ToLowerInvariant(), id!.Trim().TrimStart('<').TrimEnd('>'))
            : null;

    /// <summary>What was done to one link: nothing, or the message's action (a flagged link of a quarantined message
    /// went with it), "would" in report-only mode.</summary>
    public string DoneTo(LinkReport link)
    {
        if (link.Action == "allow" || Verdict.Action == MessageAction.Allow)
            return "allowed";
        var done = Verdict.Action == MessageAction.Quarantine ? "quarantined with the message" : "rewritten";
        return !Verdict.Enforced ? $"would be {done} (report-only)" : Released is null ? done : $"{done}, then released";
    }

    private static bool Plausible(string? value, int max) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= max && !value.Any(char.IsControl);
}
