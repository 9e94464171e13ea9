namespace M365Scanner.GraphEmulator.Subscriptions;

/// <summary>Graph's lifecycle events, sent to lifecycleNotificationUrl.</summary>
public enum LifecycleEvent
{
    ReauthorizationRequired,
    SubscriptionRemoved,
    Missed,
}
