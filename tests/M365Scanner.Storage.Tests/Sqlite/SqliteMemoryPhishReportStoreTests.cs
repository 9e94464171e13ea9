using M365Scanner.Core.Operations;
using M365Scanner.Storage.Sqlite;
using M365Scanner.Storage.Tests.Operations;

namespace M365Scanner.Storage.Tests.Sqlite;

/// <summary>The contract against a private in-memory SQLite database.</summary>
public sealed class SqliteMemoryPhishReportStoreTests : PhishReportStoreContract
{
    protected override IPhishReportStore CreateStore() => new SqlitePhishReportStore(Own(SqliteDatabase.InMemory()));
}
