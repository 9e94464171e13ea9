using M365Scanner.Core.Correspondence;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Storage.Sqlite;
using M365Scanner.Storage.Sqlite.Migrations;
using M365Scanner.Storage.Tests.TestSupport;

namespace M365Scanner.Storage.Tests.Sqlite;

/// <summary>What the SQLite operations stores and their <see cref="SqliteDatabase"/> do beyond the shared contracts.</summary>
public sealed class SqliteOperationsStoreTests
{
    private static readonly MessageKey Key = MessageKey.Of("tenant-a", "bob@tenant.example", "<m1@partner.example>", "AAMk1");

    [Fact]
    public void Times_ReadBackAsWholeMillisecondsInUtc_WhenStoredWithTicksAndOffset()
    {
        using var database = SqliteDatabase.InMemory();
        var at = new DateTimeOffset(2024, 3, 1, 14, 0, 0, 750, TimeSpan.FromHours(2)).AddTicks(1234);
        var expected = new DateTimeOffset(2024, 3, 1, 12, 0, 0, 750, TimeSpan.Zero);
        var verdicts = new SqliteVerdictStore(database);
        var audit = new SqliteAuditLog(database);

        verdicts.Record(new VerdictRecord(Key, "AAMk1", at, MessageAction.Allow, 0, "", false, "[]", ""));
        var id = audit.Append(new AuditEntry(0, at, "scanner", Key, AuditAction.Rewrite, AuditState.Started, null, null, ""));

        var scannedAt = verdicts.Get(Key)!.ScannedAt;
        Assert.Equal(expected, scannedAt);
        Assert.Equal(TimeSpan.Zero, scannedAt.Offset);
        Assert.Equal(expected, audit.Get(id)!.At);
    }

    [Fact]
    public void SchemaVersion_IsLatest_WhenOpened()
    {
        using var database = SqliteDatabase.InMemory();

        Assert.Equal(SqliteSchema.LatestVersion, database.SchemaVersion);
    }

    [Fact]
    public void Stores_Throw_WhenDatabaseDisposed()
    {
        var database = SqliteDatabase.InMemory();
        var verdicts = new SqliteVerdictStore(database);
        var state = new SqliteWorkerStateStore(database);

        database.Dispose();
        database.Dispose();

        Assert.Throws<ObjectDisposedException>(() => verdicts.TryClaim(Key, "job-1", DateTimeOffset.UnixEpoch));
        Assert.Throws<ObjectDisposedException>(() => state.Subscriptions());
    }

    [Fact]
    public void Constructors_Throw_WhenDatabaseIsNull()
    {
        Assert.Throws<ArgumentNullException>(() => new SqliteVerdictStore(null!));
        Assert.Throws<ArgumentNullException>(() => new SqliteAuditLog(null!));
        Assert.Throws<ArgumentNullException>(() => new SqliteWorkerStateStore(null!));
    }

    [Fact]
    public void OneFile_HoldsGraphAndOperations_WhenBothOpenIt()
    {
        using var file = new TempDatabaseFile();
        var edge = new EdgeKey(EdgeKind.ReceivedFrom, "bob@tenant.example", "alice@partner.example");
        // Either may create the file: both apply the same migrations.
        using (var database = SqliteDatabase.OpenFile(file.Path))
        using (var graph = SqliteCorrespondenceStore.OpenFile(file.Path))
        {
            new SqliteVerdictStore(database).TryClaim(Key, "job-1", DateTimeOffset.UnixEpoch);
            graph.Add([new(edge, DateTimeOffset.UnixEpoch)]);
        }

        using var reopenedGraph = SqliteCorrespondenceStore.OpenFile(file.Path);
        using var reopened = SqliteDatabase.OpenFile(file.Path);

        Assert.Equal(1, reopenedGraph.Read([edge])[edge].Count);
        Assert.True(new SqliteVerdictStore(reopened).TryClaim(Key, "job-1", DateTimeOffset.UnixEpoch));
        Assert.False(new SqliteVerdictStore(reopened).TryClaim(Key, "job-2", DateTimeOffset.UnixEpoch));
    }
}
