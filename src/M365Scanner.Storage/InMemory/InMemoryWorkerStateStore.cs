using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.InMemory;

/// <summary>The worker's subscriptions, delta links and baseline checkpoints in process memory: for tests and the offline demo.
/// Thread-safe.</summary>
public sealed class InMemoryWorkerStateStore : IWorkerStateStore
{
    private readonly Dictionary<string, SubscriptionRecord> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Tenant, string Mailbox, string Folder), string> _deltaLinks = [];
    private readonly Dictionary<(string Tenant, string Mailbox, string Folder), BaselineProgress> _baselines = [];
    private readonly Lock _lock = new();

    /// <summary>Saves a new subscription or replaces the one with the same id (a renewal moves its expiry).</summary>
    public void SaveSubscription(SubscriptionRecord subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (_lock)
            _subscriptions[subscription.SubscriptionId] = subscription;
    }

    public SubscriptionRecord? GetSubscription(string subscriptionId)
    {
        ArgumentNullException.ThrowIfNull(subscriptionId);
        lock (_lock)
            return _subscriptions.GetValueOrDefault(subscriptionId);
    }

    /// <summary>The subscriptions, optionally of one tenant, soonest to expire first (the order a renewal pass
    /// wants), then by id.</summary>
    public IReadOnlyList<SubscriptionRecord> Subscriptions(string? tenantId = null)
    {
        lock (_lock)
        {
            return _subscriptions.Values
                .Where(s => tenantId is null || s.TenantId == tenantId)
                .OrderBy(s => s.ExpiresAt)
                .ThenBy(s => s.SubscriptionId, StringComparer.Ordinal)
                .ToList();
        }
    }

    /// <summary>Deletes the subscription; nothing happens when it is not stored (Graph may report a removal
    /// twice).</summary>
    public void DeleteSubscription(string subscriptionId)
    {
        ArgumentNullException.ThrowIfNull(subscriptionId);
        lock (_lock)
            _subscriptions.Remove(subscriptionId);
    }

    public string? GetDeltaLink(string tenantId, string mailbox, string folder)
    {
        lock (_lock)
            return _deltaLinks.GetValueOrDefault(Key(tenantId, mailbox, folder));
    }

    /// <summary>Saves the folder's delta link, replacing the previous one.</summary>
    public void SaveDeltaLink(string tenantId, string mailbox, string folder, string deltaLink)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deltaLink);
        lock (_lock)
            _deltaLinks[Key(tenantId, mailbox, folder)] = deltaLink;
    }

    public void DeleteTenant(string tenantId)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        lock (_lock)
        {
            foreach (var id in _subscriptions.Values.Where(s => s.TenantId == tenantId).Select(s => s.SubscriptionId).ToList())
                _subscriptions.Remove(id);
            foreach (var key in _deltaLinks.Keys.Where(k => k.Tenant == tenantId).ToList())
                _deltaLinks.Remove(key);
            foreach (var key in _baselines.Keys.Where(k => k.Item1 == tenantId).ToList())
                _baselines.Remove(key);
        }
    }

    /// <summary>Saves a folder's baseline checkpoint, replacing the previous one.</summary>
    public void SaveBaselineProgress(BaselineProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        lock (_lock)
            _baselines[Key(progress.TenantId, progress.Mailbox, progress.Folder)] = progress with { IdsAtBoundary = [.. progress.IdsAtBoundary] };
    }

    public IReadOnlyList<BaselineProgress> GetBaselineProgress(string tenantId, string mailbox)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(mailbox);
        lock (_lock)
        {
            return _baselines.Values
                .Where(p => p.TenantId == tenantId && p.Mailbox == mailbox)
                .OrderBy(p => p.Folder, StringComparer.Ordinal)
                .ToList();
        }
    }

    private static (string, string, string) Key(string tenantId, string mailbox, string folder)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(folder);
        return (tenantId, mailbox, folder);
    }
}
