namespace M365Scanner.Core.Operations;

/// <summary>
/// One action on a mailbox: who, what, when, the message before and after, why, and how far it got. Multi-step
/// actions (a rewrite creates a copy, then moves the original) record each step in <see cref="State"/>, so a host
/// that crashed in the middle resumes from the record instead of guessing.
/// </summary>
/// <param name="Actor">Who the action is on behalf of: "scanner" for what the scanner did on its own (scans, scheduled
/// retro-hunts, the IOC feed), else the person or API key that acted or started the hunt that acted, by name alone, so
/// "what did this person do" is one equality on this field.</param>
/// <param name="Action">rewrite | quarantine | release | notice; see <see cref="AuditAction"/>.</param>
/// <param name="State">started | copied | completed | failed | released; see <see cref="AuditState"/>.</param>
/// <param name="OriginalMessageId">The original's Graph id (updated when it is moved).</param>
/// <param name="ResultMessageId">The rewritten copy's Graph id, once created.</param>
/// <param name="RelatedEntryId">For a release: the entry it undoes.</param>
/// <param name="HuntId">The hunt that carried the action out, if one did (null for a scan's action and for a release);
/// a field of its own rather than part of <paramref name="Actor"/>, so "what did this hunt do" is one equality too.</param>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset At,
    string Actor,
    MessageKey Key,
    AuditAction Action,
    AuditState State,
    string? OriginalMessageId,
    string? ResultMessageId,
    string Reasons,
    long? RelatedEntryId = null,
    DateTimeOffset? UpdatedAt = null,
    string? HuntId = null);
