using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Scanning;

namespace M365Scanner.Host.Scanning;

/// <summary>One tenant's scanner and correspondence graph.</summary>
public sealed record TenantScanner(MessageScanner Scanner, CorrespondenceGraph Graph);
