namespace M365Scanner.Core.Operations;

/// <summary>The hosted worker's durable state: its subscriptions and, per mailbox folder, the delta link that lets a
/// catch-up read only what changed since the last one.</summary>
public interface IWorkerStateStore
{
    void SaveSubscription(SubscriptionRecord subscription);
    SubscriptionRecord? GetSubscription(string subscriptionId);
    IReadOnlyList<SubscriptionRecord> Subscriptions(string? tenantId = null);
    void DeleteSubscription(string subscriptionId);

    string? GetDeltaLink(string tenantId, string mailbox, string folder);
    void SaveDeltaLink(string tenantId, string mailbox, string folder, string deltaLink);

    /// <summary>Deletes the tenant's stored subscriptions and delta links (offboarding; the subscriptions must already
    /// be deleted at Graph).</summary>
    void DeleteTenant(string tenantId);
}
