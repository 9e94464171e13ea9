using M365Scanner.Core.Correspondence;
using M365Scanner.Storage.Sqlite;
using M365Scanner.Storage.Sqlite.Migrations;

namespace M365Scanner.Storage.Tests.Sqlite;

/// <summary>What the SQLite store does beyond the shared contract.</summary>
public sealed class SqliteCorrespondenceStoreTests
{
    private static readonly EdgeKey Key = new(EdgeKind.ReceivedFrom, "bob@tenant.example", "alice@partner.example");

    [Fact]
    public void Read_ReturnsWholeSecondsInUtc_WhenAddedWithFractionAndOffset()
    {
        using var store = SqliteCorrespondenceStore.InMemory();
        var at = new DateTimeOffset(2024, 3, 1, 14, 0, 0, 750, TimeSpan.FromHours(2));

        store.Add([new(Key, at)]);

        Assert.Equal(Tally.Once(new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero)), store.Read([Key])[Key]);
        Assert.Equal(TimeSpan.Zero, store.Read([Key])[Key].First.Offset);
    }

    [Fact]
    public void Add_Throws_WhenKeyTextIsNull()
    {
        using var store = SqliteCorrespondenceStore.InMemory();

        Assert.Throws<ArgumentException>(() => store.Add([new(new EdgeKey(EdgeKind.SentTo, "bob@tenant.example", null!), DateTimeOffset.UnixEpoch)]));
        Assert.Equal(0, store.CountEdges());
    }

    [Fact]
    public void SchemaVersion_IsLatest_WhenOpened()
    {
        using var store = SqliteCorrespondenceStore.InMemory();

        Assert.Equal(SqliteSchema.LatestVersion, store.SchemaVersion);
    }

    [Fact]
    public void Open_SharesOneDatabase_WhenNamedSharedMemory()
    {
        var name = $"Data Source=shared-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
        using var first = new SqliteCorrespondenceStore(name);
        first.Add([new(Key, DateTimeOffset.UnixEpoch)]);

        using var second = new SqliteCorrespondenceStore(name);

        Assert.Equal(1, second.Read([Key])[Key].Count);
        Assert.Equal(SqliteSchema.LatestVersion, second.SchemaVersion);
    }

    [Fact]
    public void Dispose_RollsBackOpenBatch_AndRejectsLaterCalls()
    {
        var store = SqliteCorrespondenceStore.InMemory();
        store.BeginBatch();
        store.Add([new(Key, DateTimeOffset.UnixEpoch)]);

        store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.Read([Key]));
        Assert.Throws<ObjectDisposedException>(() => store.BeginBatch());
    }
}
