using M365Scanner.Core.Correspondence;
using M365Scanner.Storage.InMemory;
using M365Scanner.Storage.Tests.Correspondence;

namespace M365Scanner.Storage.Tests.InMemory;

/// <summary>The contract against Core's in-memory store, the reference every other store must match.</summary>
public sealed class InMemoryCorrespondenceStoreTests : CorrespondenceStoreContract
{
    protected override ICorrespondenceStore CreateStore() => new InMemoryCorrespondenceStore();
}
