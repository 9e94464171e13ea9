namespace M365Scanner.Host.Scanning;

/// <summary>
/// Durable hand-off from the webhook to background jobs. Each call persists a job before it returns (or throws),
/// which is what lets the webhook answer 202 only once the work cannot be lost.
/// </summary>
public interface IWorkQueue
{
    void ScanMessage(string tenantId, string mailbox, string messageId);

    /// <summary>Queues the scans of every message one notification call named, with one write to the job storage:
    /// Graph batches up to hundreds of notifications per call during a campaign, and one enqueue each made such a
    /// call take seconds on SQLite, past Graph's 3-second patience.</summary>
    void ScanMessages(IReadOnlyList<MessageRef> messages);
    void CatchUp(string tenantId, string mailbox);
    void RenewSubscription(string subscriptionId);
    void RecreateSubscription(string subscriptionId);
}
