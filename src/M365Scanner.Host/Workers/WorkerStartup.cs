using Hangfire;
using M365Scanner.Core.Operations;
using M365Scanner.Host.Baselines;
using M365Scanner.Host.Jobs;
using M365Scanner.Host.Mailboxes;
using M365Scanner.Host.Scanning;
using M365Scanner.Host.Subscriptions;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Workers;

/// <summary>
/// At start: schedules the recurring jobs, and for each monitored mailbox queues what it needs: a mailbox whose
/// baseline is not complete gets its baseline (resuming from its checkpoints after a restart); every mailbox gets its
/// subscription checked and a catch-up (the first one records the delta starting point; later ones find whatever
/// arrived while the host was down).
/// </summary>
/// <remarks>Every host does this at start, so with several hosts each mailbox gets this work queued several times:
/// the jobs take the mailbox's lock and re-read its state (<see cref="MailboxLocks"/>), and the later ones find it
/// done. The recurring jobs are one per name in the shared storage, run by one host per occurrence.</remarks>
public sealed class WorkerStartup(
    IOptions<ScannerHostOptions> options, IMonitoredMailboxes mailboxes, ReportingMailboxes reporting, IWorkerStateStore state, IBackgroundJobClient jobs, IRecurringJobManager recurring,
    ILogger<WorkerStartup> log) : IHostedService
{
    /// <summary>The default of <see cref="ScannerHostOptions.BaselineDays"/>.</summary>
    public const int BaselineDays = 90;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<WorkerStartup>("catch-up-all", JobQueues.Maintenance, s => s.CatchUpAll(), options.Value.CatchUpCron);
        recurring.AddOrUpdate<SubscriptionJobs>("renew-subscriptions", JobQueues.Maintenance,
            s => s.RenewExpiringAsync(CancellationToken.None), Cron.Hourly());
        foreach (var m in mailboxes.All())
        {
            if (!BaselineStatus.IsComplete(state.GetBaselineProgress(m.TenantId, m.Mailbox)))
                jobs.Enqueue<BaselineJob>(JobQueues.Baselines,
                    j => j.RunAsync(m.TenantId, m.Mailbox, options.Value.BaselineDays, null, CancellationToken.None));
            jobs.Enqueue<SubscriptionJobs>(JobQueues.Maintenance, j => j.EnsureAsync(m.TenantId, m.Mailbox, CancellationToken.None));
            jobs.Enqueue<CatchUpJob>(JobQueues.Maintenance, j => j.RunAsync(m.TenantId, m.Mailbox, CancellationToken.None));
        }
        // A reporting mailbox is watched (subscription and catch-up), never baselined: nothing in it is to be learned.
        foreach (var r in reporting.All())
        {
            jobs.Enqueue<SubscriptionJobs>(JobQueues.Maintenance, j => j.EnsureAsync(r.TenantId, r.Mailbox, CancellationToken.None));
            jobs.Enqueue<CatchUpJob>(JobQueues.Maintenance, j => j.RunAsync(r.TenantId, r.Mailbox, CancellationToken.None));
        }
        log.LogInformation("Protecting {Count} mailbox(es)", mailboxes.All().Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The scheduled catch-up: one delta job per monitored mailbox.</summary>
    [Queue(JobQueues.Maintenance)]
    [System.ComponentModel.DisplayName("Catch up every mailbox")]
    public void CatchUpAll()
    {
        foreach (var m in mailboxes.All().Concat(reporting.All()))
            jobs.Enqueue<CatchUpJob>(JobQueues.Maintenance, j => j.RunAsync(m.TenantId, m.Mailbox, CancellationToken.None));
    }
}
