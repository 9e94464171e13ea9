using M365Scanner.Core.Correspondence;
using M365Scanner.Storage.Sqlite;
using M365Scanner.Storage.Tests.Correspondence;

namespace M365Scanner.Storage.Tests.Sqlite;

/// <summary>The contract against a private in-memory SQLite database (the in-process mode for tests and demos).</summary>
public sealed class SqliteMemoryCorrespondenceStoreTests : CorrespondenceStoreContract
{
    protected override ICorrespondenceStore CreateStore() => SqliteCorrespondenceStore.InMemory();
}
