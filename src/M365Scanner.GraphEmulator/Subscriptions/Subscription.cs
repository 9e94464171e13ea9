namespace M365Scanner.GraphEmulator.Subscriptions;

/// <summary>A change-notification subscription. Only its expiry changes after creation (renewal), atomically.</summary>
public sealed class Subscription
{
    private long _expiresTicks;

    internal Subscription(string id, string tenantId, string appId, string resource, ResourcePath target, IReadOnlySet<string> changeTypes,
        Uri notificationUrl, Uri? lifecycleNotificationUrl, string? clientState, DateTimeOffset expires)
    {
        Id = id;
        TenantId = tenantId;
        AppId = appId;
        Resource = resource;
        Target = target;
        ChangeTypes = changeTypes;
        NotificationUrl = notificationUrl;
        LifecycleNotificationUrl = lifecycleNotificationUrl;
        ClientState = clientState;
        _expiresTicks = expires.UtcTicks;
    }

    public string Id { get; }
    public string TenantId { get; }
    public string AppId { get; }
    /// <summary>The resource as the client wrote it.</summary>
    public string Resource { get; }
    internal ResourcePath Target { get; }
    public IReadOnlySet<string> ChangeTypes { get; }
    public Uri NotificationUrl { get; }
    public Uri? LifecycleNotificationUrl { get; }
    public string? ClientState { get; }

    public DateTimeOffset ExpirationDateTime
    {
        get => new(Interlocked.Read(ref _expiresTicks), TimeSpan.Zero);
        internal set => Interlocked.Exchange(ref _expiresTicks, value.UtcTicks);
    }
}
