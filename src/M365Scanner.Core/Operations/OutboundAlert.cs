namespace M365Scanner.Core.Operations;

/// <summary>
/// One alert about one flagged message for one webhook, in the outbox: its payload is fixed when it is enqueued, so a
/// retry sends the same bytes (and the same <see cref="Id"/>) whatever happened to the verdict since.
/// </summary>
/// <param name="Id">Stable for the pair (webhook, message): receivers may deduplicate on it.</param>
/// <param name="Webhook">The name of the webhook in the settings (never its URL, which for Teams is the secret).</param>
/// <param name="Payload">The alert as JSON, never the message's body.</param>
/// <param name="Attempts">Attempts made so far.</param>
/// <param name="NextAttemptAt">When a pending alert may be sent next.</param>
/// <param name="LastError">Why the last attempt did not deliver; null when none failed.</param>
/// <param name="CompletedAt">When it was delivered or given up on; null while pending.</param>
public sealed record OutboundAlert(
    string Id,
    string Webhook,
    MessageKey Key,
    string Payload,
    DateTimeOffset CreatedAt,
    AlertState State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError = null,
    DateTimeOffset? CompletedAt = null)
{
    /// <summary>A new pending alert, due at once.</summary>
    public static OutboundAlert New(string id, string webhook, MessageKey key, string payload, DateTimeOffset at) =>
        new(id, webhook, key, payload, at, AlertState.Pending, 0, at);
}
