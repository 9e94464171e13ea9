using System.ComponentModel;
using Hangfire;
using M365Scanner.Host.Jobs;

namespace M365Scanner.Host.Scanning;

/// <summary>Splits one notification call's messages into their own scan jobs (each with its own retries and claim),
/// off the webhook's path.</summary>
public sealed class NotificationBatchJob(IWorkQueue queue)
{
    [Queue(JobQueues.Notifications)]
    [DisplayName("Queue the scans of one notification call's messages")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [1, 5, 30, 120, 600])]
    public void Run(IReadOnlyList<MessageRef> messages)
    {
        foreach (var m in messages)
            queue.ScanMessage(m.TenantId, m.Mailbox, m.MessageId);
    }
}
