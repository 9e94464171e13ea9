using Hangfire.PostgreSql;

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
    /// <para>Queue polling every 500 ms (the library's default is 15 s, which would add up to 15 s to every
    /// notification's latency); an idle host makes two queries a second per worker, cheap for PostgreSQL.</para>
    /// </remarks>
    public static PostgreSqlStorageOptions Options(StorageOptions storage) => new()
    {
        SchemaName = storage.JobSchema,
        PrepareSchemaIfNecessary = true,
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = storage.JobInvisibilityTimeout,
        DistributedLockTimeout = storage.LockTimeout,
        QueuePollInterval = TimeSpan.FromMilliseconds(500),
    };
}
