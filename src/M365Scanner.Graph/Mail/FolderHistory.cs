using System.Runtime.CompilerServices;
using M365Scanner.Graph.Clients;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

namespace M365Scanner.Graph.Mail;

/// <summary>
/// Reads a folder's recent history for a baseline: only the fields the correspondence graph needs (addresses, dates,
/// thread headers, the body for its links), no attachments, oldest first, in pages of <see cref="PageSize"/>.
/// </summary>
/// <remarks>Requests per 1,000 history messages: 1,000 / PageSize = 20 at the default page size.</remarks>
public sealed class FolderHistory(TenantGraphClients clients)
{
    public const int PageSize = 50;

    private static readonly string[] Select =
    [
        "id", "parentFolderId", "receivedDateTime", "sentDateTime", "internetMessageId", "subject", "body",
        "from", "sender", "replyTo", "toRecipients", "ccRecipients", "bccRecipients", "internetMessageHeaders",
    ];

    public async IAsyncEnumerable<GraphMessage> ReadAsync(string tenant, string mailbox, string folder, DateTimeOffset since,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var graph = clients.For(tenant);
        var messages = graph.Users[mailbox].MailFolders[folder].Messages;
        var page = await messages.GetAsync(r =>
        {
            r.QueryParameters.Select = Select;
            r.QueryParameters.Filter = $"receivedDateTime ge {since.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";
            r.QueryParameters.Orderby = ["receivedDateTime asc"];
            r.QueryParameters.Top = PageSize;
        }, cancellationToken).ConfigureAwait(false);
        while (page?.Value is { } value)
        {
            foreach (var message in value)
                yield return new GraphMessage(GraphMessageMapper.Map(message), Info(message), [], message);
            if (page.OdataNextLink is not { } next)
                yield break;
            page = await messages.WithUrl(next).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static GraphMessageInfo Info(Message m) => new(m.Id ?? "", m.ParentFolderId, m.IsRead ?? false, m.IsDraft ?? false,
        m.Categories ?? [], m.ReceivedDateTime, m.InternetMessageId, m.HasAttachments ?? false, null);
}
