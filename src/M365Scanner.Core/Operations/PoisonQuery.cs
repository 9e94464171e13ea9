namespace M365Scanner.Core.Operations;

/// <summary>Filters for listing poison messages; null means "any".</summary>
public sealed record PoisonQuery(string? TenantId = null, string? Mailbox = null, int Limit = 100);
