using Microsoft.Data.Sqlite;

namespace M365Scanner.Host.Jobs;

/// <summary>
/// Gives back, at start, what a crashed process held in Hangfire's SQLite storage: the jobs it had fetched and the
/// distributed locks it had taken.
/// </summary>
/// <remarks>
/// <para>Hangfire.Storage.SQLite marks a fetched job with its fetch time and has no heartbeat: another worker takes it
/// only once <c>InvisibilityTimeout</c> (30 minutes) has passed, so after a crash the scans that were in flight would
/// wait half an hour. Shortening the timeout is no cure, as a live baseline running longer would then be fetched
/// twice. A lock row of the dead process lives on until its expiry, and a job waiting for it polls at a tenth of its
/// wait: the restarted host's workers could all sit waiting on the dead process's mailbox locks while notifications
/// queue up behind them.</para>
/// <para>SQLite is the one-host provider (one process owns the data directory), so every fetch and every lock recorded
/// before this process starts belongs to a process that is gone: releasing them is exact. The jobs are idempotent
/// (message claims by job id, the audit state machine, baseline checkpoints), so re-running one that had half
/// finished completes it.</para>
/// </remarks>
public static class SqliteJobRecovery
{
    /// <summary>Returns every fetched job of <paramref name="databasePath"/> to its queue and deletes every lock; how
    /// many of each. A missing file (first start) or one without Hangfire's tables yet has none.</summary>
    public static (int Jobs, int Locks) Recover(string databasePath)
    {
        if (!File.Exists(databasePath))
            return (0, 0);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString());
        connection.Open();
        // FetchedAt is stored as ticks; 0 (DateTime.MinValue) is what the library writes for "not fetched".
        var jobs = HasTable(connection, "JobQueue") ? Execute(connection, "UPDATE JobQueue SET FetchedAt = 0 WHERE FetchedAt <> 0;") : 0;
        var locks = HasTable(connection, "DistributedLock") ? Execute(connection, "DELETE FROM DistributedLock;") : 0;
        return (jobs, locks);
    }

    private static bool HasTable(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name;";
        command.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(command.ExecuteScalar()) > 0;
    }

    private static int Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }
}
