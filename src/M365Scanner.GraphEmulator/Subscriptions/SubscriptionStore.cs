using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using M365Scanner.GraphEmulator.Graph;
using M365Scanner.GraphEmulator.Mail;

namespace M365Scanner.GraphEmulator.Subscriptions;

/// <summary>The live subscriptions, and the bridge from mailbox changes to notifications.</summary>
internal sealed class SubscriptionStore
{
    private readonly ConcurrentDictionary<string, Subscription> _subscriptions = new(StringComparer.OrdinalIgnoreCase);
    private readonly NotificationDispatcher _dispatcher;
    private readonly TimeProvider _time;

    public SubscriptionStore(NotificationDispatcher dispatcher, TimeProvider time)
    {
        _dispatcher = dispatcher;
        _time = time;
        dispatcher.Lost += OnLost;
    }

    /// <summary>Change notifications that could not be delivered become a "missed" lifecycle notification per subscription
    /// (lifecycle notifications that are lost are not reported again).</summary>
    private void OnLost(IReadOnlyList<JsonObject> items)
    {
        var subscriptions = items.Where(i => i.ContainsKey("changeType"))
            .Select(i => (string?)i["subscriptionId"]).OfType<string>().Distinct();
        foreach (var id in subscriptions) SendLifecycle(id, LifecycleEvent.Missed);
    }

    public IEnumerable<Subscription> All => _subscriptions.Values;

    public void Add(Subscription s) => _subscriptions[s.Id] = s;

    public Subscription? Find(string id) => _subscriptions.TryGetValue(id, out var s) ? s : null;

    public bool Remove(string id) => _subscriptions.TryRemove(id, out _);

    /// <summary>Called by mailboxes for every change; queues one notification per matching subscription.</summary>
    public void Publish(MailboxChange change)
    {
        if (_subscriptions.IsEmpty) return;
        var now = _time.GetUtcNow();
        var changeType = change.ChangeType.ToString().ToLowerInvariant();
        foreach (var s in _subscriptions.Values)
        {
            if (s.TenantId != change.TenantId || s.Target.User != change.UserId) continue;
            if (s.Target.Folder is not null && s.Target.Folder != change.FolderId) continue;
            if (!s.ChangeTypes.Contains(changeType) || s.ExpirationDateTime <= now) continue;
            var resource = $"Users/{change.UserId}/Messages/{change.MessageId}";
            _dispatcher.Enqueue(s.NotificationUrl, new JsonObject
            {
                ["subscriptionId"] = s.Id,
                ["subscriptionExpirationDateTime"] = s.ExpirationDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'+00:00'"),
                ["changeType"] = changeType,
                ["resource"] = resource,
                ["resourceData"] = new JsonObject
                {
                    ["@odata.type"] = "#Microsoft.Graph.Message",
                    ["@odata.id"] = resource,
                    ["@odata.etag"] = $"W/\"{change.ChangeKey}\"",
                    ["id"] = change.MessageId,
                },
                ["clientState"] = s.ClientState,
                ["tenantId"] = s.TenantId,
            });
        }
    }

    /// <summary>Sends a lifecycle notification; subscriptionRemoved also deletes the subscription, as Graph has by then.</summary>
    public bool SendLifecycle(string subscriptionId, LifecycleEvent lifecycleEvent)
    {
        var s = Find(subscriptionId);
        if (s is null) return false;
        if (lifecycleEvent == LifecycleEvent.SubscriptionRemoved) Remove(s.Id);
        if (s.LifecycleNotificationUrl is null) return true;
        _dispatcher.Enqueue(s.LifecycleNotificationUrl, new JsonObject
        {
            ["subscriptionId"] = s.Id,
            ["subscriptionExpirationDateTime"] = s.ExpirationDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'+00:00'"),
            ["tenantId"] = s.TenantId,
            ["clientState"] = s.ClientState,
            ["lifecycleEvent"] = lifecycleEvent switch
            {
                LifecycleEvent.ReauthorizationRequired => "reauthorizationRequired",
                LifecycleEvent.SubscriptionRemoved => "subscriptionRemoved",
                _ => "missed",
            },
        });
        return true;
    }

    /// <summary>Removes expired subscriptions, telling their lifecycle URL (subscriptionRemoved).</summary>
    public void RemoveExpired()
    {
        var now = _time.GetUtcNow();
        foreach (var s in _subscriptions.Values.Where(s => s.ExpirationDateTime <= now).ToArray())
            SendLifecycle(s.Id, LifecycleEvent.SubscriptionRemoved);
    }
}
