using System.Net;
using M365Scanner.Graph.Mail;
using Microsoft.Graph.Models.ODataErrors;

namespace M365Scanner.Host.Mailboxes.Graph;

/// <summary><see cref="IMailboxMessages"/> over the Graph adapter (Microsoft.Graph SDK and Azure.Identity).</summary>
public sealed class GraphMailboxMessages(GraphMailbox mailboxes, ScannerCopies copies) : IMailboxMessages
{
    public async Task<FetchedMessage?> GetMessageAsync(string tenantId, string mailbox, string messageId, CancellationToken ct)
    {
        try
        {
            return GraphMessageHandle.Fetched(await mailboxes.GetMessageAsync(tenantId, mailbox, messageId, ct));
        }
        catch (ODataError e) when (e.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task<string> CreateRewrittenCopyAsync(string tenantId, string mailbox, FetchedMessage original, RewrittenContent content, CancellationToken ct)
    {
        var source = original.Handle is GraphMessageHandle read
            ? read.Message
            : throw new InvalidOperationException("A rewritten copy can only be made from a message read through Graph.");
        // A body the rewrite left alone (only an attachment changed) is carried over as it was read.
        var html = content.HtmlBody ?? original.Message.HtmlBody;
        var text = html is null ? content.TextBody ?? original.Message.TextBody : null;
        var copy = new ReceivedCopy(html, text, content.ReplacedAttachments.ToDictionary(a => a.Key, a => a.Value.Content));
        return mailboxes.CreateReceivedCopyAsync(tenantId, mailbox, source, copy, ct);
    }

    public async Task<IReadOnlyList<MessageCopy>> FindCopiesAsync(string tenantId, string mailbox, string internetMessageId, CancellationToken ct) =>
        [.. (await copies.FindAsync(tenantId, mailbox, internetMessageId, ct)).Select(c => new MessageCopy(c.Id, c.CopyOf, c.IsWhole))];

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
}
