using M365Scanner.Core.Operations;
using M365Scanner.Storage.InMemory;
using M365Scanner.Storage.Tests.Operations;

namespace M365Scanner.Storage.Tests.InMemory;

/// <summary>The contract against Core's in-memory store, the reference every other store must match.</summary>
public sealed class InMemoryMessageLeasesTests : MessageLeasesContract
{
    private InMemoryMessageLeases? _last;

    protected override IMessageLeases CreateStore() => _last = new InMemoryMessageLeases();

    // One process is all the in-memory store serves: its second view is the same store.
    protected override IMessageLeases CreateSecondView() => _last!;
}
