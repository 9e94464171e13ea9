namespace M365Scanner.Core.Operations;

/// <summary>
/// How many times the scan of each message has been attempted, and the messages given up on as poison: the durable
/// memory that stops a message whose scan kills the process, or fails every time, from being scanned again and again
/// by whatever puts its job back in the queue (retries, crash recovery, catch-up).
/// </summary>
/// <remarks>
/// <para>One row per message with an attempt under way, or marked poison. An attempt is counted when it starts, so
/// one whose process dies stays counted without anyone reporting on it; only an attempt ended by a transient error
/// is taken back (<see cref="Uncount"/>), and a verdict forgets the count (<see cref="Clear"/>).</para>
/// <para>Only the job holding the message's scan claim calls these, one attempt at a time, so a message's row has
/// one writer; each call is still atomic on its own.</para>
/// </remarks>
public interface IScanAttemptStore
{
    /// <summary>Counts a new attempt at the scan of <paramref name="key"/> at <paramref name="at"/>, unless
    /// <paramref name="limit"/> attempts are counted already, in which case nothing changes and the result says it was
    /// not started: the message is poison. A started attempt has no error yet: one that never reports an error
    /// (<see cref="Fail"/>) stopped with its process.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    ScanAttempts Begin(MessageKey key, int limit, DateTimeOffset at);

    /// <summary>The attempt under way failed with an error that a retry would meet again: <paramref name="error"/> is
    /// kept as its last error (what a poison reason quotes). Nothing happens when no attempt is counted.</summary>
    void Fail(MessageKey key, string error);

    /// <summary>The attempt under way ended with a transient error (Graph throttling or outage, the network, a host
    /// shutting down): it no longer counts against the message. Never goes below zero.</summary>
    void Uncount(MessageKey key);

    /// <summary>The scan ended with a verdict: the count is forgotten. A poison mark is kept (and its count with it).</summary>
    void Clear(MessageKey key);

    /// <summary>Marks the message poison, replacing an earlier mark; its count becomes
    /// <see cref="PoisonMessage.Attempts"/>.</summary>
    void MarkPoison(PoisonMessage poison);

    /// <summary>The poison messages, latest <see cref="PoisonMessage.LastSeen"/> first (ties in the order they were
    /// first seen), optionally filtered by tenant and mailbox. Attempts and times are the message's as they are now:
    /// an attempt begun after the mark (a scan resumed after its host stopped) moves them on.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The limit is not positive.</exception>
    IReadOnlyList<PoisonMessage> QueryPoison(PoisonQuery query);

    /// <summary>Deletes every count and poison mark of the tenant (offboarding); returns how many messages had one.</summary>
    int DeleteTenant(string tenantId);
}
