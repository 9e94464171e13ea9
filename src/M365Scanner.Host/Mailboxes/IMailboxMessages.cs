namespace M365Scanner.Host.Mailboxes;

/// <summary>
/// One message in a mailbox, read and acted on in the worker's words: what a scan reads, and what its actions
/// (rewrite, quarantine, release) do to the mailbox. The port a scan and <c>MessageActions</c> depend on; the Graph
/// adapter implements it.
/// </summary>
public interface IMailboxMessages
{
    /// <summary>The message with bodies, headers and attachments, or null when it no longer exists. One Graph GET, plus
    /// the bytes of attachments within the cap (usually one more request); one over the cap comes without content.</summary>
    Task<FetchedMessage?> GetMessageAsync(string tenantId, string mailbox, string messageId, CancellationToken ct);

    /// <summary>Creates, in the original's folder, a received (non-draft) copy that differs only by
    /// <paramref name="content"/>, marked as the scanner's copy of the original; returns the copy's id. The original must
    /// have been read by this adapter (its <see cref="FetchedMessage.Handle"/> is what the copy is built from).</summary>
    Task<string> CreateRewrittenCopyAsync(string tenantId, string mailbox, FetchedMessage original, RewrittenContent content,
        CancellationToken ct);

    /// <summary>Every copy the scanner made of the message whose Internet Message-ID is <paramref name="internetMessageId"/>
    /// (without angle brackets), in any folder: how a rewrite interrupted between creating its copy and recording it
    /// finds the copy again, and how a release finds every copy to remove. A copy keeps its original's Message-ID.</summary>
    Task<IReadOnlyList<MessageCopy>> FindCopiesAsync(string tenantId, string mailbox, string internetMessageId, CancellationToken ct);

    /// <summary>Moves a message into the mailbox's hidden quarantine folder (created on first use); returns its new id.</summary>
    Task<string> MoveToQuarantineAsync(string tenantId, string mailbox, string messageId, CancellationToken ct);

    /// <summary>The id of the message in the quarantine folder with this Internet Message-ID (without angle brackets), if
    /// any: how a scan interrupted after moving a message there, before recording its new id, finds it again.</summary>
    Task<string?> FindInQuarantineAsync(string tenantId, string mailbox, string internetMessageId, CancellationToken ct);

    /// <summary>Moves a message back to the inbox; returns its new id.</summary>
    Task<string> MoveToInboxAsync(string tenantId, string mailbox, string messageId, CancellationToken ct);

    /// <summary>Deletes a message (only ever a copy the scanner made). Missing is not an error.</summary>
    Task DeleteAsync(string tenantId, string mailbox, string messageId, CancellationToken ct);
}
