using Hangfire;
using M365Scanner.Host.Jobs;
using M365Scanner.Host.Mailboxes;
using M365Scanner.Host.Reporting;
using M365Scanner.Host.Scanning;
using M365Scanner.Host.Subscriptions;

namespace M365Scanner.Host.Workers;

/// <summary><see cref="IWorkQueue"/> on Hangfire: each call creates a persisted job (it throws if the storage is down,
/// which the webhook turns into 503 so Graph retries). A message in a tenant's reporting mailbox is a user's report,
/// never mail to scan: it goes to <see cref="ReportIntakeJob"/> instead, whichever path (notification, batch,
/// catch-up) found it.</summary>
public sealed class HangfireWorkQueue(IBackgroundJobClient jobs, ReportingMailboxes reporting) : IWorkQueue
{
    public void ScanMessage(string tenantId, string mailbox, string messageId)
    {
        if (reporting.Is(tenantId, mailbox))
            jobs.Enqueue<ReportIntakeJob>(JobQueues.Scans, j => j.RunAsync(tenantId, mailbox, messageId, CancellationToken.None));
        else
            jobs.Enqueue<ScanMessageJob>(JobQueues.Scans, j => j.RunAsync(tenantId, mailbox, messageId, null, CancellationToken.None));
    }

    public void ScanMessages(IReadOnlyList<MessageRef> messages)
    {
        if (messages.Count == 1)
            ScanMessage(messages[0].TenantId, messages[0].Mailbox, messages[0].MessageId);
        else if (messages.Count > 1)
            jobs.Enqueue<NotificationBatchJob>(JobQueues.Notifications, j => j.Run(messages));
    }

    public void CatchUp(string tenantId, string mailbox) =>
        jobs.Enqueue<CatchUpJob>(JobQueues.Maintenance, j => j.RunAsync(tenantId, mailbox, CancellationToken.None));

    public void RenewSubscription(string subscriptionId) =>
        jobs.Enqueue<SubscriptionJobs>(JobQueues.Notifications, j => j.RenewAsync(subscriptionId, CancellationToken.None));

    public void RecreateSubscription(string subscriptionId) =>
        jobs.Enqueue<SubscriptionJobs>(JobQueues.Notifications, j => j.RecreateAsync(subscriptionId, CancellationToken.None));
}
