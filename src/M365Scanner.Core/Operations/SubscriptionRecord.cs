namespace M365Scanner.Core.Operations;

/// <summary>A Graph change-notification subscription we hold for one mailbox.</summary>
/// <param name="ClientState">The per-subscription secret Graph echoes in every notification; compared in constant time.</param>
public sealed record SubscriptionRecord(
    string SubscriptionId,
    string TenantId,
    string Mailbox,
    string Resource,
    string ClientState,
    DateTimeOffset ExpiresAt);
