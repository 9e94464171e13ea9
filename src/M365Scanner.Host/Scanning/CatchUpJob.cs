using System.ComponentModel;
using Hangfire;
using M365Scanner.Core.Operations;
using M365Scanner.Host.Jobs;
using M365Scanner.Host.Mailboxes;

namespace M365Scanner.Host.Scanning;

/// <summary>
/// Finds messages whose notification never came: a delta query on the inbox since the stored delta link, each new
/// message queued for a scan (claims make a message found both ways scan once). Runs after a "missed" lifecycle
/// event, at start-up and on a schedule. The first run for a mailbox only records where "now" is: mail that was
/// there before protection began is history for the baseline, not new delivery.
/// </summary>
/// <remarks>Every host queues one per mailbox at start; the mailbox's catch-up lock makes them run one after the
/// other, each from the delta link the previous one saved (a second run finds little or nothing), instead of two
/// reading the same delta and racing to save their links.</remarks>
public sealed class CatchUpJob(
    IMailboxHistory history, IMonitoredMailboxes monitored, ReportingMailboxes reporting, IWorkerStateStore state, IWorkQueue queue, MailboxLocks locks, ILogger<CatchUpJob> log)
{
    public const string Folder = "inbox";

    /// <summary>The lock kind, per mailbox.</summary>
    public const string LockKind = "catch-up";

    [Queue(JobQueues.Maintenance)]
    [DisplayName("Catch up {1} (tenant {0})")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [1, 5, 30, 120, 600])]
    public async Task RunAsync(string tenantId, string mailbox, CancellationToken ct)
    {
        // A reporting mailbox is caught up too: its messages are queued like any, and the queue takes them in as reports.
        if (!monitored.Contains(tenantId, mailbox) && !reporting.Is(tenantId, mailbox))
            return;
        using var _ = locks.Acquire(LockKind, tenantId, mailbox, TimeSpan.FromSeconds(30));
        var link = state.GetDeltaLink(tenantId, mailbox, Folder);
        var delta = await history.InboxDeltaAsync(tenantId, mailbox, link, ct);
        if (link is not null)
        {
            foreach (var id in delta.AddedMessageIds)
                queue.ScanMessage(tenantId, mailbox, id);
            log.LogInformation("Catch-up of {Mailbox}: {Count} message(s) queued", mailbox, delta.AddedMessageIds.Count);
        }
        state.SaveDeltaLink(tenantId, mailbox, Folder, delta.DeltaLink);
    }
}
