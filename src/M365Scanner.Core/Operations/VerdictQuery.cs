namespace M365Scanner.Core.Operations;

/// <summary>Filters for listing verdicts; null means "any".</summary>
public sealed record VerdictQuery(
    string? TenantId = null,
    string? Mailbox = null,
    string? Action = null,
    DateTimeOffset? Since = null,
    int Limit = 100);
