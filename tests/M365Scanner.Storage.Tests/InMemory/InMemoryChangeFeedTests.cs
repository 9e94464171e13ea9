using M365Scanner.Core.Operations;
using M365Scanner.Storage.InMemory;
using M365Scanner.Storage.Tests.Operations;

namespace M365Scanner.Storage.Tests.InMemory;

/// <summary>The change-feed contract against the in-memory stores (one instance is every "host").</summary>
public sealed class InMemoryChangeFeedTests : ChangeFeedContract
{
    private readonly InMemoryVerdictStore _verdicts = new();
    private readonly InMemoryAuditLog _audit = new();

    protected override (IVerdictStore Store, IChangeFeed<VerdictRecord> Feed) OpenVerdicts() => (_verdicts, _verdicts);

    protected override (IAuditLog Log, IChangeFeed<AuditEntry> Feed) OpenAudit() => (_audit, _audit);
}
