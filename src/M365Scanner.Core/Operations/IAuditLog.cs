namespace M365Scanner.Core.Operations;

/// <summary>The append-mostly record of every action taken on a mailbox. Entries are never deleted; their state
/// advances as the action's steps complete.</summary>
public interface IAuditLog
{
    /// <summary>Appends <paramref name="entry"/> (its Id is ignored) and returns the new id.</summary>
    long Append(AuditEntry entry);

    /// <summary>Advances an entry: new state, and the message ids known so far (null keeps the stored value).</summary>
    void Update(long id, AuditState state, string? originalMessageId, string? resultMessageId, DateTimeOffset at);

    AuditEntry? Get(long id);

    /// <summary>The newest entry for <paramref name="key"/> and <paramref name="action"/>, if any (to resume or to
    /// stay idempotent).</summary>
    AuditEntry? Latest(MessageKey key, AuditAction action);

    /// <summary>The action that created <paramref name="graphMessageId"/> in the mailbox (a rewrite's copy, a held
    /// message's notice), if any: so its own "created" notification is recognised without reading it from Graph.</summary>
    AuditEntry? ActionThatCreated(string tenantId, string mailbox, string graphMessageId);

    /// <summary>Every entry of one message (its trail), oldest first, at most <paramref name="limit"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not positive.</exception>
    IReadOnlyList<AuditEntry> ForMessage(MessageKey key, int limit = 100);

    /// <summary>Newest first, optionally filtered: by tenant, mailbox, time, and by <paramref name="actor"/> (exactly
    /// as recorded: "scanner" or a person's name) or <paramref name="huntId"/> (the actions of one hunt).</summary>
    IReadOnlyList<AuditEntry> Query(string? tenantId = null, string? mailbox = null, DateTimeOffset? since = null, int limit = 100,
        string? actor = null, string? huntId = null);
}
