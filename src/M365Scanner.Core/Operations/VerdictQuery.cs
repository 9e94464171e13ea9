using M365Scanner.Core.Policy;

namespace M365Scanner.Core.Operations;

/// <summary>Filters for listing verdicts; null means "any".</summary>
public sealed record VerdictQuery(
    string? TenantId = null,
    string? Mailbox = null,
    MessageAction? Action = null,
    DateTimeOffset? Since = null,
    int Limit = 100);
