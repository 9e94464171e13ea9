using M365Scanner.Core.Operations;
using M365Scanner.Storage.Sqlite;
using M365Scanner.Storage.Tests.Operations;
using M365Scanner.Storage.Tests.TestSupport;

namespace M365Scanner.Storage.Tests.Sqlite;

/// <summary>The contract against a SQLite file in a temporary folder, so the WAL and file locking are in play.</summary>
public sealed class SqliteFileScanAttemptStoreTests : ScanAttemptStoreContract
{
    private readonly TempDatabaseFile _file = new();

    protected override IScanAttemptStore CreateStore() => new SqliteScanAttemptStore(Own(SqliteDatabase.OpenFile(_file.Path)));

    public override void Dispose()
    {
        base.Dispose();
        _file.Dispose();
    }
}
