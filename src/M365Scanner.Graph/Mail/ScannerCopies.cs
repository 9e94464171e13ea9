using M365Scanner.Graph.Clients;

namespace M365Scanner.Graph.Mail;

/// <summary>Finds a copy the scanner made of a message (marked with the original's id), so a rewrite interrupted
/// after creating its copy finds it again instead of making a second one.</summary>
public sealed class ScannerCopies(TenantGraphClients clients)
{
    private const int Window = 100;

    /// <summary>The newest copy of <paramref name="originalId"/> among the folder's most recent messages, or null.</summary>
    public async Task<string?> FindAsync(string tenant, string mailbox, string folderId, string originalId, CancellationToken cancellationToken = default)
    {
        // The copy was made moments before the interruption, so the newest messages of the folder are enough to look at.
        var page = await clients.For(tenant).Users[mailbox].MailFolders[folderId].Messages.GetAsync(r =>
        {
            r.QueryParameters.Select = ["id"];
            r.QueryParameters.Expand = [$"singleValueExtendedProperties($filter=id eq '{MessageFields.CopyOfPropertyId}')"];
            r.QueryParameters.Orderby = ["receivedDateTime desc"];
            r.QueryParameters.Top = Window;
        }, cancellationToken).ConfigureAwait(false);
        return page?.Value?.FirstOrDefault(m => m.SingleValueExtendedProperties?.Any(p =>
            string.Equals(p.Id, MessageFields.CopyOfPropertyId, StringComparison.OrdinalIgnoreCase) && p.Value == originalId) == true)?.Id;
    }
}
