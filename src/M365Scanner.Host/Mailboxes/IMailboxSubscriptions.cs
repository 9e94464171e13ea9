namespace M365Scanner.Host.Mailboxes;

/// <summary>
/// The change-notification subscriptions that point a mailbox's inbox at the webhook: created and renewed by the
/// subscription jobs, deleted when a tenant is offboarded. The Graph adapter implements it.
/// </summary>
public interface IMailboxSubscriptions
{
    /// <summary>Creates a subscription to new messages in the mailbox's inbox; returns its id and expiry.</summary>
    Task<(string Id, DateTimeOffset ExpiresAt)> SubscribeAsync(string tenantId, string mailbox, Uri notificationUrl,
        Uri lifecycleUrl, string clientState, DateTimeOffset expiresAt, CancellationToken ct);

    /// <summary>Extends a subscription; false when Graph no longer knows it (it must be recreated).</summary>
    Task<bool> RenewAsync(string tenantId, string subscriptionId, DateTimeOffset expiresAt, CancellationToken ct);

    /// <summary>Deletes a subscription. One Graph no longer knows is not an error.</summary>
    Task UnsubscribeAsync(string tenantId, string subscriptionId, CancellationToken ct);
}
