namespace M365Scanner.Host.Notifications;

/// <summary>
/// Durable hand-off from the webhook to background jobs. Each call persists a job before it returns (or throws),
/// which is what lets the webhook answer 202 only once the work cannot be lost.
/// </summary>
public interface IWorkQueue
{
    void ScanMessage(string tenantId, string mailbox, string messageId);
    void CatchUp(string tenantId, string mailbox);
    void RenewSubscription(string subscriptionId);
    void RecreateSubscription(string subscriptionId);
}
