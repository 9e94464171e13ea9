using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace M365Scanner.Graph.Mail;

/// <summary>Reads every file attachment of a message with its bytes in one request (GET .../attachments), for when
/// their declared sizes add up to little. The answer is read under a byte limit derived from those sizes, so an
/// attachment whose declared size lied cannot make it large in memory.</summary>
internal static class AttachmentList
{
    /// <returns>Bytes by attachment id, or null when the answer ran past <paramref name="maxResponseBytes"/> (reading
    /// stopped there).</returns>
    public static async Task<IReadOnlyDictionary<string, byte[]>?> ReadAsync(GraphServiceClient graph, string mailbox, string messageId,
        long maxResponseBytes, CancellationToken cancellationToken)
    {
        var request = graph.Users[mailbox].Messages[messageId].Attachments.ToGetRequestInformation();
        var (body, length) = await GraphResponses.SendStreamedAsync(graph.RequestAdapter, request, cancellationToken).ConfigureAwait(false);
        if (body is null) return new Dictionary<string, byte[]>();
        byte[]? json;
        await using (body.ConfigureAwait(false))
            json = await CappedRead.ReadAsync(body, maxResponseBytes, length, cancellationToken).ConfigureAwait(false);
        if (json is null) return null;
        using var stream = new MemoryStream(json, writable: false);
        var page = await KiotaJsonSerializer.DeserializeAsync(stream, AttachmentCollectionResponse.CreateFromDiscriminatorValue, cancellationToken)
            .ConfigureAwait(false);
        return (page?.Value ?? []).OfType<FileAttachment>()
            .Where(a => a.Id is not null && a.ContentBytes is not null)
            .ToDictionary(a => a.Id!, a => a.ContentBytes!, StringComparer.Ordinal);
    }
}
