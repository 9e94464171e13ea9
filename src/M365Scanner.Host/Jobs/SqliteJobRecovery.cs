using Microsoft.Data.Sqlite;

namespace M365Scanner.Host.Jobs;

/// <summary>
/// Gives back, at start, the jobs a crashed process had fetched from Hangfire's SQLite queue.
/// </summary>
/// <remarks>
/// Hangfire.Storage.SQLite marks a fetched job with its fetch time and has no heartbeat: another worker takes it only
/// once <c>InvisibilityTimeout</c> (30 minutes) has passed, so after a crash the scans that were in flight would
/// wait half an hour. Shortening the timeout is no cure, as a live baseline running longer would then be fetched
/// twice. SQLite is the one-host provider (one process owns the data directory), so every fetch recorded before
/// this process starts belongs to a process that is gone: returning them to the queue is exact. The jobs are
/// idempotent (message claims by job id, the audit state machine, baseline checkpoints), so re-running one that
/// had half finished completes it.
/// </remarks>
public static class SqliteJobRecovery
{
    /// <summary>Returns every fetched job of <paramref name="databasePath"/> to its queue; how many. A missing file
    /// (first start) or a database Hangfire has not created its tables in yet has none.</summary>
    public static int RequeueOrphanedFetches(string databasePath)
    {
        if (!File.Exists(databasePath))
            return 0;
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString());
        connection.Open();
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'JobQueue';";
        if (Convert.ToInt64(exists.ExecuteScalar()) == 0)
            return 0;
        using var requeue = connection.CreateCommand();
        // FetchedAt is stored as ticks; 0 (DateTime.MinValue) is what the library writes for "not fetched".
        requeue.CommandText = "UPDATE JobQueue SET FetchedAt = 0 WHERE FetchedAt <> 0;";
        return requeue.ExecuteNonQuery();
    }
}
