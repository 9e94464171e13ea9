using M365Scanner.Core.Operations;
using M365Scanner.Storage.InMemory;
using M365Scanner.Storage.Tests.Operations;

namespace M365Scanner.Storage.Tests.InMemory;

/// <summary>The contract against the in-memory store, the reference every other store must match.</summary>
public sealed class InMemoryPhishReportStoreTests : PhishReportStoreContract
{
    protected override IPhishReportStore CreateStore() => new InMemoryPhishReportStore();
}
