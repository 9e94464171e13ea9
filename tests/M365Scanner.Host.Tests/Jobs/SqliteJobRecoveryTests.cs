using M365Scanner.Host.Jobs;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Host.Tests.Jobs;

public class SqliteJobRecoveryTests
{
    [Fact]
    public void FetchesOfAGoneProcess_AreReturnedToTheQueue_UnfetchedOnesUntouched()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hangfire-recovery-{Guid.NewGuid():N}.db");
        try
        {
            // The library's own table shape; FetchedAt in ticks, 0 = waiting in the queue.
            Execute(path, """
                CREATE TABLE "JobQueue" ("Id" integer primary key autoincrement not null, "JobId" integer, "Queue" varchar(50), "FetchedAt" bigint);
                INSERT INTO JobQueue (JobId, Queue, FetchedAt) VALUES (1, 'scans', 639311534770670944), (2, 'scans', 0), (3, 'baselines', 639311534770821573);
                """);

            Assert.Equal(2, SqliteJobRecovery.RequeueOrphanedFetches(path));

            Assert.Equal("0,0,0", Execute(path, "SELECT group_concat(FetchedAt) FROM (SELECT FetchedAt FROM JobQueue ORDER BY Id);"));
            Assert.Equal(0, SqliteJobRecovery.RequeueOrphanedFetches(path));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public void NoDatabaseYet_OrNoQueueTableYet_IsNothingToRecover()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hangfire-recovery-{Guid.NewGuid():N}.db");
        Assert.Equal(0, SqliteJobRecovery.RequeueOrphanedFetches(path));
        try
        {
            Execute(path, "CREATE TABLE other (x integer);");
            Assert.Equal(0, SqliteJobRecovery.RequeueOrphanedFetches(path));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static object? Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
