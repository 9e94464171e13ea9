using M365Scanner.Core.Operations;
using M365Scanner.Storage.Sqlite;
using M365Scanner.Storage.Tests.Operations;

namespace M365Scanner.Storage.Tests.Sqlite;

/// <summary>The contract against a private in-memory SQLite database.</summary>
public sealed class SqliteMemoryAlertOutboxTests : AlertOutboxContract
{
    protected override IAlertOutbox CreateStore() => new SqliteAlertOutbox(Own(SqliteDatabase.InMemory()));
}
