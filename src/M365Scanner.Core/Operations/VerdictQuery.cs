using M365Scanner.Core.Policy;

namespace M365Scanner.Core.Operations;

/// <summary>Filters for listing verdicts; null means "any". The text filters take the forms
/// <see cref="VerdictSearchTerms"/> produces from what a person typed; stores match them as given.</summary>
/// <param name="Since">Inclusive.</param>
/// <param name="Sender">A sender address, matched whole and ignoring ASCII case; or a domain ("partner.example"),
/// matching every address at exactly that domain.</param>
/// <param name="SubjectContains">Text the subject contains, ignoring ASCII case.</param>
/// <param name="MessageId">An Internet Message-ID without its angle brackets, matched exactly.</param>
/// <param name="LinkDomain">A registrable domain, lower-case ASCII: a verdict matches when one of its links has that
/// <c>domain</c> (<see cref="Scanning.LinkReport.Domain"/>), which covers links to its subdomains too.</param>
/// <param name="Until">Exclusive: verdicts scanned before this instant.</param>
public sealed record VerdictQuery(
    string? TenantId = null,
    string? Mailbox = null,
    MessageAction? Action = null,
    DateTimeOffset? Since = null,
    int Limit = 100,
    string? Sender = null,
    string? SubjectContains = null,
    string? MessageId = null,
    string? LinkDomain = null,
    DateTimeOffset? Until = null);
