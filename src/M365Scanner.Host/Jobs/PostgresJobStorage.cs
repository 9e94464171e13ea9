using Hangfire.PostgreSql;
using M365Scanner.Storage;

namespace M365Scanner.Host.Jobs;

/// <summary>Hangfire.PostgreSql's settings for several hosts sharing one database.</summary>
public static class PostgresJobStorage
{
    /// <remarks>
    /// <para>A fetched job is hidden from the other hosts for <see cref="StorageOptions.JobInvisibilityTimeout"/> (one
    /// minute by default), and with the sliding timeout the host working on it pushes that deadline forward every fifth
    /// of it (12 s) for as long as the job runs. So a baseline running for hours on a live host is never fetched a
    /// second time, and when a host dies mid-job its heartbeats stop and another host fetches the job about a minute
    /// later, instead of after the library's fixed 30 minutes. A host that stalls longer than the timeout (a GC pause,
    /// a frozen VM) can lose its job to another host: the jobs are idempotent (message claims, baseline ledger,
    /// locks per mailbox), so that costs work, not correctness. Tests shorten it to a few seconds.</para>
    /// <para>Locks (<see cref="MailboxLocks"/>): Hangfire.PostgreSql breaks a lock older than
    /// <see cref="StorageOptions.LockTimeout"/> (five minutes), which is how a dead host's lock is freed; our locks
    /// are held for one subscription call or one baseline page, far less.</para>
    /// <para>Long polling: an enqueue sends a PostgreSQL NOTIFY that wakes an idle worker on every host at once, so a
    /// notification's scan starts milliseconds after the webhook stored it, not at the next poll (on SQLite the
    /// 500 ms poll is the latency floor). The poll stays as the fallback that finds jobs no NOTIFY announces (a dead
    /// host's job becoming visible again); every 2 s an idle worker makes one cheap query.</para>
    /// </remarks>
    public static PostgreSqlStorageOptions Options(StorageOptions storage) => new()
    {
        SchemaName = storage.JobSchema,
        PrepareSchemaIfNecessary = true,
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = storage.JobInvisibilityTimeout,
        DistributedLockTimeout = storage.LockTimeout,
        EnableLongPolling = true,
        QueuePollInterval = TimeSpan.FromSeconds(2),
    };
}
