using System.Runtime.CompilerServices;
using M365Scanner.Graph.Mail;

namespace M365Scanner.Host.Mailboxes.Graph;

/// <summary><see cref="IMailboxHistory"/> over the Graph adapter's folder reads and inbox delta.</summary>
public sealed class GraphMailboxHistory(FolderHistory history, FolderMessages recent, InboxDelta delta, GraphMailbox mailboxes) : IMailboxHistory
{
    public async IAsyncEnumerable<IReadOnlyList<FetchedMessage>> HistoryPagesAsync(string tenantId, string mailbox, string folder,
        DateTimeOffset since, DateTimeOffset until, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var page in history.ReadPagesAsync(tenantId, mailbox, folder, since, until, ct))
            yield return [.. page.Select(GraphMessageHandle.Fetched)];
    }

    public async IAsyncEnumerable<FetchedMessage> RecentMessagesAsync(string tenantId, string mailbox, string folder, DateTimeOffset since,
        bool attachmentBytes, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var message in recent.ReadAsync(tenantId, mailbox, folder, since, attachmentBytes, ct))
            yield return GraphMessageHandle.Fetched(message);
    }

    public async IAsyncEnumerable<FetchedMessage> QuarantinedMessagesAsync(string tenantId, string mailbox, DateTimeOffset since,
        bool attachmentBytes, [EnumeratorCancellation] CancellationToken ct)
    {
        var folder = await mailboxes.EnsureQuarantineFolderAsync(tenantId, mailbox, ct);
        await foreach (var message in recent.ReadAsync(tenantId, mailbox, folder, since, attachmentBytes, ct))
            yield return GraphMessageHandle.Fetched(message);
    }

    public async Task<DeltaResult> InboxDeltaAsync(string tenantId, string mailbox, string? deltaLink, CancellationToken ct)
    {
        var result = await delta.GetChangesAsync(tenantId, mailbox, deltaLink, ct);
        return new DeltaResult(result.Changed, result.DeltaLink);
    }
}
