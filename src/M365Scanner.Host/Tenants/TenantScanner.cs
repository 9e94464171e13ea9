using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Scanning;

namespace M365Scanner.Host.Tenants;

/// <summary>One tenant's scanner and correspondence graph, and the policy its scanner decides by (also what a
/// message that cannot be scanned at all is handled by).</summary>
public sealed record TenantScanner(MessageScanner Scanner, CorrespondenceGraph Graph, PolicyOptions Policy);
