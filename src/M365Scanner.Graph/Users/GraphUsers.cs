using M365Scanner.Graph.Clients;

namespace M365Scanner.Graph.Users;

/// <summary>A user whose mailbox can be scanned.</summary>
public sealed record GraphUser(string Id, string UserPrincipalName, string Mail, string? DisplayName);

/// <summary>Reads the tenant's users.</summary>
public sealed class GraphUsers(TenantGraphClients clients)
{
    /// <summary>Every user with a mail address, paging through @odata.nextLink (999 per page, Graph's maximum).</summary>
    /// <remarks>Filtering on mail happens here: "$filter=mail ne null" needs Graph's advanced queries
    /// (ConsistencyLevel: eventual and $count), which cost more than skipping the few users without mail.</remarks>
    public async IAsyncEnumerable<GraphUser> ListAsync(string tenant,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var users = clients.For(tenant).Users;
        var page = await users.GetAsync(r =>
        {
            r.QueryParameters.Select = ["id", "userPrincipalName", "mail", "displayName"];
            r.QueryParameters.Top = 999;
        }, cancellationToken).ConfigureAwait(false);
        while (page is not null)
        {
            foreach (var u in page.Value ?? [])
                if (u.Id is not null && !string.IsNullOrWhiteSpace(u.Mail))
                    yield return new GraphUser(u.Id, u.UserPrincipalName ?? u.Mail, u.Mail, u.DisplayName);
            if (page.OdataNextLink is null) yield break;
            page = await users.WithUrl(page.OdataNextLink).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
