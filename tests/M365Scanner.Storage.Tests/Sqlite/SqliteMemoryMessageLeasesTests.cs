using M365Scanner.Core.Operations;
using M365Scanner.Storage.Sqlite;
using M365Scanner.Storage.Tests.Operations;

namespace M365Scanner.Storage.Tests.Sqlite;

/// <summary>The contract against a private in-memory SQLite database (its second view shares the database).</summary>
public sealed class SqliteMemoryMessageLeasesTests : MessageLeasesContract
{
    private SqliteDatabase? _database;

    protected override IMessageLeases CreateStore() => new SqliteMessageLeases(_database = Own(SqliteDatabase.InMemory()));

    protected override IMessageLeases CreateSecondView() => new SqliteMessageLeases(_database!);
}
