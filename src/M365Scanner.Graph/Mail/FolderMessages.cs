using System.Runtime.CompilerServices;
using M365Scanner.Graph.Clients;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models;

namespace M365Scanner.Graph.Mail;

/// <summary>
/// Reads a folder's recent messages for a hunt with everything a scan reads (<see cref="GraphMailbox.GetMessageAsync"/>'s
/// fields, attachments expanded with their bytes), in pages of <see cref="PageSize"/>, newest first.
/// </summary>
/// <remarks>Requests per 1,000 messages: 1,000 / PageSize = 40, plus one per attachment Graph returns without bytes
/// (item attachments), against 1,000 + 20 for a $select listing followed by one GET per message. A page of 25 keeps
/// a response with PDFs to a few megabytes.</remarks>
public sealed class FolderMessages(TenantGraphClients clients, IOptions<GraphOptions> options)
{
    public const int PageSize = 25;

    public async IAsyncEnumerable<GraphMessage> ReadAsync(string tenant, string mailbox, string folder, DateTimeOffset since,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var graph = clients.For(tenant);
        var cap = options.Value.MaxAttachmentBytes;
        var messages = graph.Users[mailbox].MailFolders[folder].Messages;
        var page = await messages.GetAsync(r =>
        {
            r.QueryParameters.Select = MessageFields.Select;
            r.QueryParameters.Expand = MessageFields.Expand;
            r.QueryParameters.Filter = $"receivedDateTime ge {since.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";
            r.QueryParameters.Orderby = ["receivedDateTime desc"];
            r.QueryParameters.Top = PageSize;
        }, cancellationToken).ConfigureAwait(false);
        while (page?.Value is { } value)
        {
            foreach (var message in value)
            {
                var fetched = new Dictionary<string, byte[]>(StringComparer.Ordinal);
                foreach (var a in GraphMessageMapper.Mappable(message).Where(a => NeedsFetch(a, cap)))
                {
                    var bytes = await AttachmentContent.ReadAsync(graph, mailbox, message.Id!, a.Id!, cap, cancellationToken).ConfigureAwait(false);
                    if (bytes is not null) fetched[a.Id!] = bytes;
                }
                yield return new GraphMessage(GraphMessageMapper.Map(message, fetched, cap), Info(message),
                    [.. GraphMessageMapper.Mappable(message).Select(a => a.Id ?? "")], message);
            }
            if (page.OdataNextLink is not { } next)
                yield break;
            page = await messages.WithUrl(next).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool NeedsFetch(Attachment a, long cap) =>
        a.Id is not null && (a is FileAttachment { ContentBytes: null } || a is ItemAttachment) && (a.Size ?? 0) <= cap;

    private static GraphMessageInfo Info(Message m) => new(m.Id ?? "", m.ParentFolderId, m.IsRead ?? false, m.IsDraft ?? false,
        m.Categories ?? [], m.ReceivedDateTime, m.InternetMessageId, m.HasAttachments ?? false,
        m.SingleValueExtendedProperties?.FirstOrDefault(p =>
            string.Equals(p.Id, MessageFields.CopyOfPropertyId, StringComparison.OrdinalIgnoreCase))?.Value);
}
