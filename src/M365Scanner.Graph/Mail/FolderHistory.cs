using System.Runtime.CompilerServices;
using M365Scanner.Graph.Clients;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;

namespace M365Scanner.Graph.Mail;

/// <summary>
/// Reads a folder's recent history for a baseline: only the fields the correspondence graph needs (addresses, dates,
/// thread headers, the body for its links), no attachments, oldest first, in pages of
/// <see cref="GraphOptions.HistoryPageSize"/> messages.
/// </summary>
/// <remarks>
/// <para>Requests per 1,000 history messages: 1,000 / page size, rounded up per folder (10 at the default 100), plus
/// the SDK's retries of throttled pages (429/503, honouring Retry-After). docs/BENCHMARKS.md ("Baselines") has the
/// measured figures behind the default.</para>
/// <para>The filter's time is written in whole seconds, rounded down: a read "since" an instant also returns the rest
/// of that second, which a resumed baseline skips by id.</para>
/// </remarks>
public sealed class FolderHistory(TenantGraphClients clients, IOptions<GraphOptions> options)
{
    private static readonly string[] Select =
    [
        "id", "parentFolderId", "receivedDateTime", "sentDateTime", "internetMessageId", "subject", "body",
        "from", "sender", "replyTo", "toRecipients", "ccRecipients", "bccRecipients", "internetMessageHeaders",
    ];

    /// <summary>The folder's messages received since <paramref name="since"/>, oldest first, one at a time.</summary>
    public async IAsyncEnumerable<GraphMessage> ReadAsync(string tenant, string mailbox, string folder, DateTimeOffset since,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in ReadPagesAsync(tenant, mailbox, folder, since, null, cancellationToken).ConfigureAwait(false))
            foreach (var message in page)
                yield return message;
    }

    /// <summary>The folder's messages received since <paramref name="since"/> (whole second) and, when given, before
    /// <paramref name="until"/> (whole second), oldest first, one Graph page at a time: each page is one request, so a
    /// caller that checkpoints per page knows what a restart re-reads.</summary>
    public async IAsyncEnumerable<IReadOnlyList<GraphMessage>> ReadPagesAsync(string tenant, string mailbox, string folder,
        DateTimeOffset since, DateTimeOffset? until = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var graph = clients.For(tenant);
        var messages = graph.Users[mailbox].MailFolders[folder].Messages;
        var page = await messages.GetAsync(r =>
        {
            r.QueryParameters.Select = Select;
            r.QueryParameters.Filter = $"receivedDateTime ge {since.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}"
                + (until is { } u ? $" and receivedDateTime lt {u.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}" : "");
            r.QueryParameters.Orderby = ["receivedDateTime asc"];
            r.QueryParameters.Top = options.Value.HistoryPageSize;
        }, cancellationToken).ConfigureAwait(false);
        while (page?.Value is { } value)
        {
            yield return [.. value.Select(m => new GraphMessage(GraphMessageMapper.Map(m), Info(m), [], m))];
            if (page.OdataNextLink is not { } next)
                yield break;
            page = await messages.WithUrl(next).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static GraphMessageInfo Info(Message m) => new(m.Id ?? "", m.ParentFolderId, m.IsRead ?? false, m.IsDraft ?? false,
        m.Categories ?? [], m.ReceivedDateTime, m.InternetMessageId, m.HasAttachments ?? false, null);
}
