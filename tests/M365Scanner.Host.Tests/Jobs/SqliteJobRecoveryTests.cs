using M365Scanner.Host.Jobs;
using Microsoft.Data.Sqlite;

namespace M365Scanner.Host.Tests.Jobs;

public class SqliteJobRecoveryTests
{
    [Fact]
    public void FetchesAndLocksOfAGoneProcess_AreReleased_UnfetchedJobsUntouched()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hangfire-recovery-{Guid.NewGuid():N}.db");
        try
        {
            // The library's own table shape; FetchedAt in ticks, 0 = waiting in the queue.
            Execute(path, """
                CREATE TABLE "JobQueue" ("Id" integer primary key autoincrement not null, "JobId" integer, "Queue" varchar(50), "FetchedAt" bigint);
                INSERT INTO JobQueue (JobId, Queue, FetchedAt) VALUES (1, 'scans', 639311534770670944), (2, 'scans', 0), (3, 'baselines', 639311534770821573);
                CREATE TABLE "DistributedLock" ("Id" varchar primary key not null, "Resource" varchar, "ResourceKey" varchar, "ExpireAt" bigint);
                INSERT INTO DistributedLock VALUES ('a', 'm365scanner:subscription:t:bob@contoso.example', 'k', 639311534770670944);
                """);

            Assert.Equal((2, 1), SqliteJobRecovery.Recover(path));

            Assert.Equal("0,0,0", Execute(path, "SELECT group_concat(FetchedAt) FROM (SELECT FetchedAt FROM JobQueue ORDER BY Id);"));
            Assert.Equal(0L, Execute(path, "SELECT count(*) FROM DistributedLock;"));
            Assert.Equal((0, 0), SqliteJobRecovery.Recover(path));
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
        Assert.Equal((0, 0), SqliteJobRecovery.Recover(path));
        try
        {
            Execute(path, "CREATE TABLE other (x integer);");
            Assert.Equal((0, 0), SqliteJobRecovery.Recover(path));
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
