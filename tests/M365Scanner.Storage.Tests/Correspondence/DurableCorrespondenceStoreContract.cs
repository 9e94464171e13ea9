using M365Scanner.Core.Correspondence;

namespace M365Scanner.Storage.Tests.Correspondence;

/// <summary>
/// The contract for stores that keep data outside the process (SQLite file, PostgreSQL): on top of the behaviour
/// every store has, data and schema survive closing and reopening.
/// </summary>
public abstract class DurableCorrespondenceStoreContract : CorrespondenceStoreContract
{
    /// <summary>The schema versions recorded in the database, lowest first.</summary>
    protected abstract IReadOnlyList<int> RecordedSchemaVersions();

    /// <summary>The latest version the provider's migrations define.</summary>
    protected abstract int LatestSchemaVersion { get; }

    [SkippableFact]
    public void Add_IsKept_WhenStoreReopened()
    {
        using (var first = (IDisposable)CreateStore())
            ((ICorrespondenceStore)first).Add([new(Key, T0), new(Key, T0.AddDays(1))]);

        var reopened = Open();

        Assert.Equal(new Tally(2, T0, T0.AddDays(1)), reopened.Read([Key])[Key]);
        Assert.Empty(reopened.Add([new(Key, T0)]));
    }

    [SkippableFact]
    public void BeginBatch_IsVisibleToAnotherConnection_WhenDisposed()
    {
        var writer = Open();
        var reader = Open();

        using (writer.BeginBatch())
        {
            using (writer.BeginBatch())
                writer.Add([new(Key, T0)]);
            // The inner scope joined the outer one: nothing is committed until the outer scope ends.
            Assert.Empty(reader.Read([Key]));
        }

        Assert.Equal(Tally.Once(T0), reader.Read([Key])[Key]);
    }

    [SkippableFact]
    public void Open_RecordsEverySchemaVersion_WhenDatabaseIsNew()
    {
        Open();

        Assert.Equal(Enumerable.Range(1, LatestSchemaVersion), RecordedSchemaVersions());
    }

    [SkippableFact]
    public void Open_AppliesNothingTwice_WhenReopened()
    {
        using (var first = (IDisposable)CreateStore())
            ((ICorrespondenceStore)first).Add([new(Key, T0)]);
        using (CreateStore() as IDisposable) { }

        var third = Open();

        Assert.Equal(Enumerable.Range(1, LatestSchemaVersion), RecordedSchemaVersions());
        Assert.Equal(1, third.Read([Key])[Key].Count);
    }
}
