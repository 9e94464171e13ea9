namespace M365Scanner.Core.Operations;

/// <summary>
/// Outbound alerts waiting to be sent, and what became of them: one row per (webhook, message), so a rescan, a retried
/// job or a restarted host that enqueues the same alert again adds nothing. Hosts sharing a store take alerts to send
/// with a lease, so two of them never send the same alert at the same time.
/// </summary>
/// <remarks>Each call is atomic on its own.</remarks>
public interface IAlertOutbox
{
    /// <summary>Adds <paramref name="alert"/> unless the outbox already holds one for its webhook and message (or its
    /// id); true when added.</summary>
    /// <exception cref="ArgumentException">The alert is not pending.</exception>
    bool Enqueue(OutboundAlert alert);

    /// <summary>Takes up to <paramref name="limit"/> pending alerts due at <paramref name="now"/> whose lease is free or
    /// lapsed, oldest due first, and leases them to <paramref name="owner"/> until <paramref name="leaseUntil"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    IReadOnlyList<OutboundAlert> Claim(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int limit);

    /// <summary>Records an attempt's outcome and frees the lease; false (nothing changed) when the alert is no longer
    /// pending or <paramref name="owner"/> no longer holds its lease (it lapsed and another host took it).</summary>
    bool Record(string id, string owner, AlertAttemptOutcome outcome);

    /// <summary>The alert with this id, or null.</summary>
    OutboundAlert? Get(string id);

    /// <summary>The alerts in <paramref name="state"/> (every state when null), newest first, at most <paramref name="limit"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    IReadOnlyList<OutboundAlert> Query(AlertState? state, int limit);

    /// <summary>Deletes every alert of the tenant (offboarding: payloads name its users); returns how many.</summary>
    int DeleteTenant(string tenantId);
}
