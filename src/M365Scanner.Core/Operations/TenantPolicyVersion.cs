using M365Scanner.Core.Policy;

namespace M365Scanner.Core.Operations;

/// <summary>One saved state of a tenant's policy override: the newest is in force, the older ones are its audit trail.</summary>
public sealed record TenantPolicyVersion(string TenantId, TenantPolicyOverride Override, string ChangedBy, DateTimeOffset ChangedAt);
