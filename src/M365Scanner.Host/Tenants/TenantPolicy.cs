using M365Scanner.Core.Policy;

namespace M365Scanner.Host.Tenants;

/// <summary>What a tenant's scans decide by, as read at one moment: the global policy with the tenant's override laid
/// over it, and the tenant's active allow and block entries.</summary>
public sealed record TenantPolicy(PolicyOptions Policy, IReadOnlyList<PolicyEntry> Entries);
