using M365Scanner.Graph.Clients;

namespace M365Scanner.Graph.Mail;

/// <summary>One round of delta on a mailbox's Inbox.</summary>
/// <param name="Changed">Ids of messages created or changed in the Inbox since the previous round (all present
/// messages on the first round).</param>
/// <param name="Removed">Ids deleted or moved out of the Inbox.</param>
/// <param name="DeltaLink">Store it and pass it to the next round.</param>
public sealed record InboxDeltaResult(IReadOnlyList<string> Changed, IReadOnlyList<string> Removed, string DeltaLink);

/// <summary>Delta queries on the Inbox: the catch-up path when notifications were missed.</summary>
public sealed class InboxDelta(TenantGraphClients clients)
{
    /// <summary>Pages through @odata.nextLink until Graph hands out the @odata.deltaLink.</summary>
    /// <param name="deltaLink">The link from the previous round, or null to start (which lists the whole Inbox).</param>
    public async Task<InboxDeltaResult> GetChangesAsync(string tenant, string mailbox, string? deltaLink, CancellationToken cancellationToken = default)
    {
        var delta = clients.For(tenant).Users[mailbox].MailFolders["inbox"].Messages.Delta;
        var page = deltaLink is null
            ? await delta.GetAsDeltaGetResponseAsync(r => r.QueryParameters.Select = ["id"], cancellationToken).ConfigureAwait(false)
            : await delta.WithUrl(deltaLink).GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var changed = new List<string>();
        var removed = new List<string>();
        while (true)
        {
            foreach (var m in page?.Value ?? [])
            {
                if (m.Id is null) continue;
                (m.AdditionalData.ContainsKey("@removed") ? removed : changed).Add(m.Id);
            }
            if (page?.OdataDeltaLink is { } done)
                return new InboxDeltaResult(changed, removed, done);
            var next = page?.OdataNextLink ?? throw new InvalidOperationException("A delta page had neither a next link nor a delta link.");
            page = await delta.WithUrl(next).GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
