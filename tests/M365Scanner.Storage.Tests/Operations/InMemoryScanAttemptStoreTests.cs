using M365Scanner.Core.Operations;
using M365Scanner.Core.Operations.InMemory;

namespace M365Scanner.Storage.Tests.Operations;

/// <summary>The contract against Core's in-memory store, the reference every other store must match.</summary>
public sealed class InMemoryScanAttemptStoreTests : ScanAttemptStoreContract
{
    protected override IScanAttemptStore CreateStore() => new InMemoryScanAttemptStore();
}
