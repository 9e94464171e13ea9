using System.Text.Json.Serialization;

namespace M365Scanner.Host.Scanning;

/// <summary>One item of Graph's changeNotificationCollection (resource and lifecycle notifications share it).</summary>
public sealed record ChangeNotification
{
    public string? SubscriptionId { get; init; }
    public string? ClientState { get; init; }
    public string? ChangeType { get; init; }
    public string? Resource { get; init; }
    public ResourceData? ResourceData { get; init; }
    public string? TenantId { get; init; }
    /// <summary>reauthorizationRequired | subscriptionRemoved | missed, on lifecycle notifications.</summary>
    public string? LifecycleEvent { get; init; }
    public DateTimeOffset? SubscriptionExpirationDateTime { get; init; }

    /// <summary>The message id: resourceData.id, or the last segment of "Users/{u}/Messages/{id}".</summary>
    [JsonIgnore]
    public string? MessageId => ResourceData?.Id ?? Resource?.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
}

public sealed record ResourceData
{
    public string? Id { get; init; }
}

/// <summary>The body Graph posts: <c>{"value":[...]}</c>.</summary>
public sealed record ChangeNotificationCollection
{
    public IReadOnlyList<ChangeNotification> Value { get; init; } = [];
}
