using M365Scanner.Core.Operations;
using M365Scanner.Storage.Sqlite;
using M365Scanner.Storage.Tests.Operations;
using M365Scanner.Storage.Tests.TestSupport;

namespace M365Scanner.Storage.Tests.Sqlite;

/// <summary>The change-feed contract against a SQLite file, each "host" with a connection of its own, so the racing
/// writers and the reader meet in SQLite's file locking and WAL snapshots.</summary>
public sealed class SqliteFileChangeFeedTests : ChangeFeedContract
{
    private readonly TempDatabaseFile _file = new();

    protected override (IVerdictStore Store, IChangeFeed<VerdictRecord> Feed) OpenVerdicts()
    {
        var store = new SqliteVerdictStore(Own(SqliteDatabase.OpenFile(_file.Path)));
        return (store, store);
    }

    protected override (IAuditLog Log, IChangeFeed<AuditEntry> Feed) OpenAudit()
    {
        var log = new SqliteAuditLog(Own(SqliteDatabase.OpenFile(_file.Path)));
        return (log, log);
    }

    public override void Dispose()
    {
        base.Dispose();
        _file.Dispose();
    }
}
