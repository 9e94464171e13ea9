using Hangfire;
using Hangfire.Logging;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;

namespace M365Scanner.Host.Jobs;

/// <summary>
/// A Hangfire storage that polls (SQLite's has no notification of its own) made to start a job enqueued in this
/// process at once: a committed transaction that queued a job wakes the process's idle workers
/// (<see cref="JobWakeups"/>), and the poll stays as the fallback for jobs queued by another process. Everything else is
/// the wrapped storage's.
/// </summary>
/// <remarks>A woken worker's fetch is cancelled and started again. That is safe with Hangfire.Storage.SQLite (0.4.3):
/// its fetch checks the token only before it looks at the queue and while it waits between polls, never between
/// taking a job and returning it (read in its source; the wake-up tests prove no job is lost or run twice).</remarks>
public sealed class WakeOnEnqueueStorage(JobStorage inner) : JobStorage
{
    private readonly JobWakeups _wakeups = new();

    public override bool LinearizableReads => inner.LinearizableReads;
    public override IMonitoringApi GetMonitoringApi() => inner.GetMonitoringApi();
    public override IStorageConnection GetConnection() => new WakeableConnection((JobStorageConnection)inner.GetConnection(), _wakeups);
    public override IStorageConnection GetReadOnlyConnection() => inner.GetReadOnlyConnection();
    // The wrapped storage's own components (expiration, counters) must keep running.
    [Obsolete("Hangfire's own obsolescence: storages still provide their components here.")]
    public override IEnumerable<IServerComponent> GetComponents() => inner.GetComponents();
    public override IEnumerable<IBackgroundProcess> GetServerRequiredProcesses() => inner.GetServerRequiredProcesses();
    public override IEnumerable<IBackgroundProcess> GetStorageWideProcesses() => inner.GetStorageWideProcesses();
    public override IEnumerable<IStateHandler> GetStateHandlers() => inner.GetStateHandlers();
    public override void WriteOptionsToLog(ILog logger) => inner.WriteOptionsToLog(logger);
    public override bool HasFeature(string featureId) => inner.HasFeature(featureId);
    public override string ToString() => inner.ToString() ?? nameof(WakeOnEnqueueStorage);
}
