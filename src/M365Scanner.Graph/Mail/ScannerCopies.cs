using M365Scanner.Graph.Clients;

namespace M365Scanner.Graph.Mail;

/// <summary>Finds the copies the scanner made of a message, wherever they are in the mailbox: how a rewrite
/// interrupted after creating its copy finds it again instead of making a second one, and how a release finds every
/// copy to remove, recorded or not.</summary>
/// <remarks>A copy keeps its original's Internet Message-ID and received time, and is marked with the original's
/// Graph id. The search is a <c>$filter</c> on the Message-ID over the whole mailbox, not a look at the newest
/// messages of a folder: a copy sorts by its original's received time, so in a busy folder it is not among the newest
/// (the second copies the black-box probe found). A <c>$filter</c> on a property reads the mailbox itself, unlike
/// <c>$search</c>, whose index lags: a copy created a moment before is found.</remarks>
public sealed class ScannerCopies(TenantGraphClients clients, OwnMessageMarker marker)
{
    // Copies of one message are one, or a few after an interruption: one page is all of them.
    private const int Page = 100;

    /// <summary>The scanner's copies of the message whose Message-ID is <paramref name="internetMessageId"/> (without
    /// angle brackets), each with the Graph id of the original it was made from and whether it is whole; empty when
    /// there is none.</summary>
    public async Task<IReadOnlyList<ScannerCopy>> FindAsync(string tenant, string mailbox, string internetMessageId,
        CancellationToken cancellationToken = default)
    {
        var literal = $"<{internetMessageId}>".Replace("'", "''", StringComparison.Ordinal);
        var page = await clients.For(tenant).Users[mailbox].Messages.GetAsync(r =>
        {
            r.QueryParameters.Select = ["id"];
            r.QueryParameters.Filter = $"internetMessageId eq '{literal}'";
            r.QueryParameters.Expand = [MessageFields.CopyOfExpand];
            r.QueryParameters.Top = Page;
        }, cancellationToken).ConfigureAwait(false);
        // A message whose marker does not verify is not ours: never resumed, never removed by a release.
        return [.. (page?.Value ?? []).Where(m => m.Id is not null).Select(m => (m.Id, CopyOf: marker.Read(mailbox, m.Id!, MessageFields.CopyOfValue(m))))
            .Where(m => m.CopyOf is not null)
            .Select(m => m.CopyOf!.StartsWith(MessageFields.UnfinishedCopyPrefix, StringComparison.Ordinal)
                ? new ScannerCopy(m.Id!, m.CopyOf[MessageFields.UnfinishedCopyPrefix.Length..], IsWhole: false)
                : new ScannerCopy(m.Id!, m.CopyOf))];
    }
}
