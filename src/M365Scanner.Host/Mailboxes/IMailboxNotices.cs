namespace M365Scanner.Host.Mailboxes;

/// <summary>
/// The scanner's own notices in a mailbox's Inbox (a held message's notice): put one there, find one again by its
/// Message-ID. The port <c>HeldMessageNotices</c> depends on; removing one is <see cref="IMailboxMessages.DeleteAsync"/>.
/// </summary>
public interface IMailboxNotices
{
    /// <summary>Puts <paramref name="notice"/> in the Inbox as received, unread mail marked as the scanner's own (never
    /// scanned); returns its id.</summary>
    Task<string> CreateAsync(string tenantId, string mailbox, InboxNotice notice, CancellationToken ct);

    /// <summary>The id of the scanner's message with this Internet Message-ID (without angle brackets) in any folder, or
    /// null: how a notice created by a run that stopped before recording it is found instead of made twice.</summary>
    Task<string?> FindAsync(string tenantId, string mailbox, string internetMessageId, CancellationToken ct);
}
