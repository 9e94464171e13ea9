namespace M365Scanner.Host.Mailboxes;

/// <summary>
/// What the worker needs from a mailbox, in its own words. The Graph adapter implements it; keeping the port here
/// lets the jobs read as the product's flow rather than as SDK calls.
/// </summary>
public interface IMailboxClient
{
    /// <summary>The message with bodies, headers and attachments, or null when it no longer exists. One Graph GET, plus
    /// the bytes of attachments within the cap (usually one more request); one over the cap comes without content.</summary>
    Task<FetchedMessage?> GetMessageAsync(string tenantId, string mailbox, string messageId, CancellationToken ct);

    /// <summary>Creates, in the original's folder, a received (non-draft) copy that differs only by
    /// <paramref name="content"/>, marked as the scanner's copy of the original; returns the copy's id.</summary>
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

    /// <summary>Creates a subscription to new messages in the mailbox's inbox; returns its id and expiry.</summary>
    Task<(string Id, DateTimeOffset ExpiresAt)> SubscribeAsync(string tenantId, string mailbox, Uri notificationUrl,
        Uri lifecycleUrl, string clientState, DateTimeOffset expiresAt, CancellationToken ct);

    /// <summary>Extends a subscription; false when Graph no longer knows it (it must be recreated).</summary>
    Task<bool> RenewAsync(string tenantId, string subscriptionId, DateTimeOffset expiresAt, CancellationToken ct);

    Task UnsubscribeAsync(string tenantId, string subscriptionId, CancellationToken ct);

    /// <summary>The messages of a folder ("inbox", "sentitems") received since <paramref name="since"/>, oldest first,
    /// paged; bodies included (links are needed), attachments not.</summary>
    IAsyncEnumerable<FetchedMessage> HistoryAsync(string tenantId, string mailbox, string folder, DateTimeOffset since, CancellationToken ct);

    /// <summary>The same history, received before <paramref name="until"/>, one Graph page at a time (one request
    /// each), so a baseline can checkpoint per page. Both times count in whole seconds: the rest of the
    /// <paramref name="since"/> second comes back too.</summary>
    IAsyncEnumerable<IReadOnlyList<FetchedMessage>> HistoryPagesAsync(string tenantId, string mailbox, string folder, DateTimeOffset since,
        DateTimeOffset until, CancellationToken ct);

    /// <summary>Messages added to the inbox since <paramref name="deltaLink"/> (everything when null), all pages.</summary>
    Task<DeltaResult> InboxDeltaAsync(string tenantId, string mailbox, string? deltaLink, CancellationToken ct);

    /// <summary>The messages of a folder received since <paramref name="since"/>, newest first, each with everything
    /// <see cref="GetMessageAsync"/> reads (bodies, headers, attachment bytes): what a hunt re-scans and acts on.
    /// One request per page of 25, plus one (sometimes more) per message with attachments within the cap.</summary>
    IAsyncEnumerable<FetchedMessage> RecentMessagesAsync(string tenantId, string mailbox, string folder, DateTimeOffset since, CancellationToken ct);
}
