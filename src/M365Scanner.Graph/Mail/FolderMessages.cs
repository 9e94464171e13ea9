using System.Runtime.CompilerServices;
using M365Scanner.Graph.Clients;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models;

namespace M365Scanner.Graph.Mail;

/// <summary>
/// Reads a folder's recent messages for a hunt with everything a scan reads (<see cref="GraphMailbox.GetMessageAsync"/>'s
/// fields, attachment metadata in the page, then the bytes of those within the cap as a scan reads them), in pages of
/// <see cref="GraphOptions.HuntPageSize"/>, newest first.
/// </summary>
/// <remarks>Requests per 1,000 messages: 1,000 / page size, plus, per message with attachments within the cap,
/// what <see cref="AttachmentFetcher"/> costs (1 for most: one attachment, or a few small ones listed together),
/// against 1,000 + 20 for a $select listing followed by one GET per message. Pages carry no attachment bytes, so
/// a page of messages with large attachments is not a page of hundreds of megabytes.</remarks>
public sealed class FolderMessages(TenantGraphClients clients, IOptions<GraphOptions> options, OwnMessageMarker marker)
{
    /// <param name="attachmentBytes">False when the caller needs no attachment content (a hunt of a sender, which
    /// matches on the sender alone): each message then maps with its attachments' metadata only, and costs no request
    /// beyond its page.</param>
    public async IAsyncEnumerable<GraphMessage> ReadAsync(string tenant, string mailbox, string folder, DateTimeOffset since,
        bool attachmentBytes = true, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var graph = clients.For(tenant);
        var messages = graph.Users[mailbox].MailFolders[folder].Messages;
        var page = await messages.GetAsync(r =>
        {
            r.QueryParameters.Select = MessageFields.Select;
            r.QueryParameters.Expand = MessageFields.Expand;
            r.QueryParameters.Filter = $"receivedDateTime ge {since.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";
            r.QueryParameters.Orderby = ["receivedDateTime desc"];
            r.QueryParameters.Top = options.Value.HuntPageSize;
        }, cancellationToken).ConfigureAwait(false);
        while (page?.Value is { } value)
        {
            foreach (var message in value)
            {
                var fetched = attachmentBytes
                    ? await AttachmentFetcher.FetchAsync(graph, mailbox, message, options.Value, cancellationToken).ConfigureAwait(false)
                    : new FetchedAttachments();
                yield return new GraphMessage(GraphMessageMapper.Map(message, fetched, options.Value.MaxAttachmentBytes), Info(message, mailbox),
                    [.. GraphMessageMapper.Mappable(message).Select(a => a.Id ?? "")], message);
            }
            if (page.OdataNextLink is not { } next)
                yield break;
            page = await messages.WithUrl(next).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private GraphMessageInfo Info(Message m, string mailbox) => new(m.Id ?? "", m.ParentFolderId, m.IsRead ?? false, m.IsDraft ?? false,
        m.Categories ?? [], m.ReceivedDateTime, m.InternetMessageId, m.HasAttachments ?? false,
        marker.Read(mailbox, m.Id ?? "", MessageFields.CopyOfValue(m)));
}
