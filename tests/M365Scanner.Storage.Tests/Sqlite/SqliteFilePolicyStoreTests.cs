using M365Scanner.Core.Operations;
using M365Scanner.Storage.Sqlite;
using M365Scanner.Storage.Tests.Operations;
using M365Scanner.Storage.Tests.TestSupport;

namespace M365Scanner.Storage.Tests.Sqlite;

/// <summary>The contract against a SQLite file in a temporary folder, so the WAL and file locking are in play.</summary>
public sealed class SqliteFilePolicyStoreTests : PolicyStoreContract
{
    private readonly TempDatabaseFile _file = new();

    protected override IPolicyStore CreateStore() => new SqlitePolicyStore(Own(SqliteDatabase.OpenFile(_file.Path)));

    public override void Dispose()
    {
        base.Dispose();
        _file.Dispose();
    }
}
