using System.Net;
using System.Runtime.CompilerServices;
using M365Scanner.Graph.Mail;
using M365Scanner.Graph.Subscriptions;
using Microsoft.Graph.Models.ODataErrors;

namespace M365Scanner.Host.Mailboxes;

/// <summary><see cref="IMailboxClient"/> over the Graph adapter (Microsoft.Graph SDK and Azure.Identity).</summary>
public sealed class GraphMailboxClient(
    GraphMailbox mailboxes, GraphSubscriptions subscriptions, InboxDelta delta, ScannerCopies copies, FolderHistory history,
    FolderMessages recent)
    : IMailboxClient
{
    public async Task<FetchedMessage?> GetMessageAsync(string tenantId, string mailbox, string messageId, CancellationToken ct)
    {
        try
        {
            return ToFetched(await mailboxes.GetMessageAsync(tenantId, mailbox, messageId, ct));
        }
        catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task<string> CreateRewrittenCopyAsync(string tenantId, string mailbox, FetchedMessage original, RewrittenContent content, CancellationToken ct)
    {
        var source = original.Native as GraphMessage
            ?? throw new InvalidOperationException("A rewritten copy can only be made from a message read through Graph.");
        // A body the rewrite left alone (only an attachment changed) is carried over as it was read.
        var html = content.HtmlBody ?? original.Message.HtmlBody;
        var text = html is null ? content.TextBody ?? original.Message.TextBody : null;
        var copy = new ReceivedCopy(html, text, content.ReplacedAttachments.ToDictionary(a => a.Key, a => a.Value.Content));
        return mailboxes.CreateReceivedCopyAsync(tenantId, mailbox, source, copy, ct);
    }

    public async Task<IReadOnlyList<MessageCopy>> FindCopiesAsync(string tenantId, string mailbox, string internetMessageId, CancellationToken ct) =>
        [.. (await copies.FindAsync(tenantId, mailbox, internetMessageId, ct)).Select(c => new MessageCopy(c.Id, c.CopyOf))];

    public Task<string> MoveToQuarantineAsync(string tenantId, string mailbox, string messageId, CancellationToken ct) =>
        mailboxes.QuarantineAsync(tenantId, mailbox, messageId, ct);

    public Task<string?> FindInQuarantineAsync(string tenantId, string mailbox, string internetMessageId, CancellationToken ct) =>
        mailboxes.FindInQuarantineAsync(tenantId, mailbox, internetMessageId, ct);

    public Task<string> MoveToInboxAsync(string tenantId, string mailbox, string messageId, CancellationToken ct) =>
        mailboxes.MoveAsync(tenantId, mailbox, messageId, "inbox", ct);

    public async Task DeleteAsync(string tenantId, string mailbox, string messageId, CancellationToken ct)
    {
        try
        {
            await mailboxes.DeleteAsync(tenantId, mailbox, messageId, ct);
        }
        catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            // Already gone: deleting is idempotent.
        }
    }

    public async Task<(string Id, DateTimeOffset ExpiresAt)> SubscribeAsync(string tenantId, string mailbox, Uri notificationUrl,
        Uri lifecycleUrl, string clientState, DateTimeOffset expiresAt, CancellationToken ct) =>
        (await subscriptions.CreateAsync(tenantId, mailbox, notificationUrl, lifecycleUrl, clientState, expiresAt, ct), expiresAt);

    public async Task<bool> RenewAsync(string tenantId, string subscriptionId, DateTimeOffset expiresAt, CancellationToken ct)
    {
        try
        {
            await subscriptions.RenewAsync(tenantId, subscriptionId, expiresAt, ct);
            return true;
        }
        catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task UnsubscribeAsync(string tenantId, string subscriptionId, CancellationToken ct)
    {
        try
        {
            await subscriptions.DeleteAsync(tenantId, subscriptionId, ct);
        }
        catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
        }
    }

    public async IAsyncEnumerable<FetchedMessage> HistoryAsync(string tenantId, string mailbox, string folder, DateTimeOffset since,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var message in history.ReadAsync(tenantId, mailbox, folder, since, ct))
            yield return ToFetched(message);
    }

    public async IAsyncEnumerable<IReadOnlyList<FetchedMessage>> HistoryPagesAsync(string tenantId, string mailbox, string folder,
        DateTimeOffset since, DateTimeOffset until, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var page in history.ReadPagesAsync(tenantId, mailbox, folder, since, until, ct))
            yield return [.. page.Select(ToFetched)];
    }

    public async Task<DeltaResult> InboxDeltaAsync(string tenantId, string mailbox, string? deltaLink, CancellationToken ct)
    {
        var result = await delta.GetChangesAsync(tenantId, mailbox, deltaLink, ct);
        return new DeltaResult(result.Changed, result.DeltaLink);
    }

    public async IAsyncEnumerable<FetchedMessage> RecentMessagesAsync(string tenantId, string mailbox, string folder, DateTimeOffset since,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var message in recent.ReadAsync(tenantId, mailbox, folder, since, ct))
            yield return ToFetched(message);
    }

    private static FetchedMessage ToFetched(GraphMessage message) =>
        new(message.Info.Id, message.Info.ParentFolderId ?? "inbox", message.Message, message.Info.CopyOf) { Native = message };
}
