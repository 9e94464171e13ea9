using M365Scanner.Core.Operations;
using M365Scanner.Storage.Sqlite;
using M365Scanner.Storage.Tests.Operations;
using M365Scanner.Storage.Tests.TestSupport;

namespace M365Scanner.Storage.Tests.Sqlite;

/// <summary>The contract against a SQLite file in a temporary folder, with a second connection pool on the same file
/// as a second process would have.</summary>
public sealed class SqliteFileMessageLeasesTests : MessageLeasesContract
{
    private readonly TempDatabaseFile _file = new();

    protected override IMessageLeases CreateStore() => new SqliteMessageLeases(Own(SqliteDatabase.OpenFile(_file.Path)));

    protected override IMessageLeases CreateSecondView() => new SqliteMessageLeases(Own(SqliteDatabase.OpenFile(_file.Path)));

    public override void Dispose()
    {
        base.Dispose();
        _file.Dispose();
    }
}
