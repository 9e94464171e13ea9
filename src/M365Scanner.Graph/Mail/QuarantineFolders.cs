using System.Collections.Concurrent;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace M365Scanner.Graph.Mail;

/// <summary>Finds or creates each mailbox's hidden quarantine folder under the root of the message store, once per
/// process (ids are cached). Hidden, so users do not browse into it; it is not deleted items, so nothing empties it.</summary>
internal sealed class QuarantineFolders
{
    public const string FolderName = "M365Scanner Quarantine";

    private readonly ConcurrentDictionary<(string Tenant, string Mailbox), string> _ids = new();

    public async Task<string> EnsureAsync(GraphServiceClient graph, string tenant, string mailbox, CancellationToken cancellationToken)
    {
        var key = (tenant.ToLowerInvariant(), mailbox.ToLowerInvariant());
        if (_ids.TryGetValue(key, out var cached)) return cached;
        var id = await FindAsync(graph, mailbox, cancellationToken).ConfigureAwait(false);
        if (id is null)
        {
            try
            {
                var created = await graph.Users[mailbox].MailFolders["msgfolderroot"].ChildFolders
                    .PostAsync(new MailFolder { DisplayName = FolderName, IsHidden = true }, cancellationToken: cancellationToken).ConfigureAwait(false);
                id = created!.Id!;
            }
            catch (ODataError e) when (e.ResponseStatusCode == 409)
            {
                // Another worker created it between our look and our create.
                id = await FindAsync(graph, mailbox, cancellationToken).ConfigureAwait(false)
                     ?? throw new InvalidOperationException($"Quarantine folder reported as existing but not found in {mailbox}.", e);
            }
        }
        _ids[key] = id;
        return id;
    }

    private static async Task<string?> FindAsync(GraphServiceClient graph, string mailbox, CancellationToken cancellationToken)
    {
        var page = await graph.Users[mailbox].MailFolders["msgfolderroot"].ChildFolders.GetAsync(r =>
        {
            // Hidden folders are listed only when asked for.
            r.QueryParameters.IncludeHiddenFolders = "true";
            r.QueryParameters.Top = 100;
            r.QueryParameters.Select = ["id", "displayName"];
        }, cancellationToken).ConfigureAwait(false);
        while (page is not null)
        {
            var match = page.Value?.FirstOrDefault(f => string.Equals(f.DisplayName, FolderName, StringComparison.OrdinalIgnoreCase));
            if (match?.Id is not null) return match.Id;
            if (page.OdataNextLink is null) return null;
            page = await graph.Users[mailbox].MailFolders["msgfolderroot"].ChildFolders.WithUrl(page.OdataNextLink)
                .GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        return null;
    }
}
