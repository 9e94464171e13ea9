namespace M365Scanner.GraphEmulator.Faults;

/// <summary>What an injected fault does.</summary>
public enum FaultKind
{
    /// <summary>Answer 429 with Retry-After, as Graph does when throttling.</summary>
    TooManyRequests,
    /// <summary>Answer 503 Service Unavailable with Retry-After.</summary>
    ServiceUnavailable,
    /// <summary>Wait <see cref="FaultRule.Delay"/> before handling the request normally.</summary>
    Delay,
    /// <summary>Lose change notifications for matching subscriptions (never sent).</summary>
    DropNotification,
    /// <summary>Send change notifications for matching subscriptions twice.</summary>
    DuplicateNotification,
}
