namespace M365Scanner.Core.Operations;

/// <summary>One message a hunt matched, and what was done about it.</summary>
/// <param name="MessageId">The Graph item id when the message was found (it changes if the message is moved).</param>
/// <param name="Reason">Why it matched: the indicator and where ("domain:evil.example in attachment:a.pdf/page 1"),
/// or the re-scored verdict's explanation for a retro-hunt.</param>
/// <param name="Action">"quarantine" or "rewrite" when acted on, "report" when only reported (report-only policy or a
/// hunt started without acting), "already acted" when the audit log shows an earlier action.</param>
/// <param name="AuditId">The audit entry of the action, when one was taken.</param>
public sealed record HuntMatch(
    string TenantId,
    string Mailbox,
    string MessageId,
    string? InternetMessageId,
    string? Subject,
    string? Sender,
    string Reason,
    string Action,
    long? AuditId = null);
