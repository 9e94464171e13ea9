using Hangfire;
using Hangfire.Storage;
using M365Scanner.Storage;

namespace M365Scanner.Host.Jobs;

/// <summary>
/// Mutual exclusion per mailbox and kind of work, across every host sharing the job storage: Hangfire's distributed
/// locks (rows in PostgreSQL or SQLite, memory for the in-memory storage). Several hosts start up together and each
/// queues the same per-mailbox work; the jobs take one of these and then re-read the state, so the second one finds
/// the work done.
/// </summary>
/// <remarks>Hold them briefly (one Graph call, one page): on PostgreSQL a lock older than
/// <see cref="StorageOptions.LockTimeout"/> is taken to be a dead host's and broken.</remarks>
public sealed class MailboxLocks(JobStorage storage, ILogger<MailboxLocks> log)
{
    /// <summary>Takes the lock on <paramref name="kind"/> work for the mailbox, waiting up to <paramref name="wait"/>.</summary>
    /// <returns>The held lock (dispose to release), or null when another job still held it after the wait.</returns>
    public IDisposable? TryAcquire(string kind, string tenantId, string mailbox, TimeSpan wait)
    {
        var resource = $"m365scanner:{kind}:{tenantId.ToLowerInvariant()}:{mailbox.ToLowerInvariant()}";
        var connection = storage.GetConnection();
        try
        {
            return new Held(resource, connection, connection.AcquireDistributedLock(resource, wait), log);
        }
        catch (DistributedLockTimeoutException)
        {
            connection.Dispose();
            return null;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Like <see cref="TryAcquire"/>, but a lock still held after the wait fails the job, so Hangfire retries
    /// it later (when it re-reads the state and usually finds the work done).</summary>
    /// <exception cref="InvalidOperationException">Another job held the lock for the whole wait.</exception>
    public IDisposable Acquire(string kind, string tenantId, string mailbox, TimeSpan wait) =>
        TryAcquire(kind, tenantId, mailbox, wait)
        ?? throw new InvalidOperationException($"The {kind} work of {mailbox} is busy in another job; retrying later.");

    private sealed class Held(string resource, IStorageConnection connection, IDisposable inner, ILogger log) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                inner.Dispose();
            }
            catch (DistributedLockTimeoutException e)
            {
                // Hangfire.PostgreSql throws when the lock was broken as stale while held (held past LockTimeout):
                // the work is done and idempotent, so say so instead of failing the job after the fact.
                log.LogWarning("The lock {Resource} was broken while held ({Reason}); consider a longer Storage:LockTimeout", resource, e.Message);
            }
            finally
            {
                connection.Dispose();
            }
        }
    }
}
