namespace M365Scanner.Core.Operations;

/// <summary>The hosted worker's durable state: its subscriptions and, per mailbox folder, the delta link that lets a
/// catch-up read only what changed since the last one; per mailbox folder, how far its baseline has come.</summary>
public interface IWorkerStateStore
{
    void SaveSubscription(SubscriptionRecord subscription);
    SubscriptionRecord? GetSubscription(string subscriptionId);
    IReadOnlyList<SubscriptionRecord> Subscriptions(string? tenantId = null);
    void DeleteSubscription(string subscriptionId);

    string? GetDeltaLink(string tenantId, string mailbox, string folder);
    void SaveDeltaLink(string tenantId, string mailbox, string folder, string deltaLink);

    /// <summary>Deletes the tenant's stored subscriptions, delta links and baseline checkpoints (offboarding; the subscriptions must already
    /// be deleted at Graph).</summary>
    void DeleteTenant(string tenantId);

    /// <summary>Saves a folder's baseline checkpoint, replacing the previous one of that tenant, mailbox and folder.</summary>
    void SaveBaselineProgress(BaselineProgress progress);

    /// <summary>The baseline checkpoints of a mailbox, one per folder started, ordered by folder; empty before its
    /// baseline began.</summary>
    IReadOnlyList<BaselineProgress> GetBaselineProgress(string tenantId, string mailbox);
}
