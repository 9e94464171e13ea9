namespace M365Scanner.Host.Mailboxes;

/// <summary>
/// Many messages of a mailbox at once, rather than one by id: the history a baseline learns from, the recent mail a
/// hunt re-scans, and the inbox delta a catch-up uses to find what notifications missed. The Graph adapter implements it.
/// </summary>
public interface IMailboxHistory
{
    /// <summary>The messages of a folder ("inbox", "sentitems") received since <paramref name="since"/> and before
    /// <paramref name="until"/>, oldest first, one Graph page at a time (one request each), so a baseline can checkpoint
    /// per page. Bodies included (links are needed), attachments not. Both times count in whole seconds: the rest of the
    /// <paramref name="since"/> second comes back too.</summary>
    IAsyncEnumerable<IReadOnlyList<FetchedMessage>> HistoryPagesAsync(string tenantId, string mailbox, string folder, DateTimeOffset since,
        DateTimeOffset until, CancellationToken ct);

    /// <summary>The messages of a folder received since <paramref name="since"/>, newest first, each with everything
    /// <see cref="IMailboxMessages.GetMessageAsync"/> reads (bodies, headers, attachment bytes): what a hunt re-scans and acts on.
    /// One request per page of Graph:HuntPageSize (100 by default), plus one (sometimes more) per message with attachments
    /// within the cap, unless <paramref name="attachmentBytes"/> is false: then attachments come as metadata only, at no
    /// request beyond the page.</summary>
    IAsyncEnumerable<FetchedMessage> RecentMessagesAsync(string tenantId, string mailbox, string folder, DateTimeOffset since,
        bool attachmentBytes, CancellationToken ct);

    /// <summary>The messages of the scanner's own quarantine folder received since <paramref name="since"/>, newest first,
    /// read as <see cref="RecentMessagesAsync"/> reads: the originals of rewritten messages and the quarantined ones, which
    /// an IOC hunt must find (the Inbox holds only a rewritten copy, without the indicator, or nothing).</summary>
    IAsyncEnumerable<FetchedMessage> QuarantinedMessagesAsync(string tenantId, string mailbox, DateTimeOffset since, bool attachmentBytes,
        CancellationToken ct);

    /// <summary>Messages added to the inbox since <paramref name="deltaLink"/> (everything when null), all pages.</summary>
    Task<DeltaResult> InboxDeltaAsync(string tenantId, string mailbox, string? deltaLink, CancellationToken ct);
}
