using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace M365Scanner.Graph.Mail;

/// <summary>What one attachment read gave: its bytes, or, over the cap, how large it is at least.</summary>
/// <param name="Bytes">The raw bytes; null when the attachment proved larger than the cap.</param>
/// <param name="Size">The byte count read, or over the cap the size as far as known (its Content-Length, else cap + 1).</param>
internal readonly record struct AttachmentRead(byte[]? Bytes, long Size);

/// <summary>Reads an attachment's raw bytes by /$value (the SDK has no builder for it on message attachments), streamed
/// and under a hard cap: however large the attachment, and whatever size Graph declared for it, no more than the cap
/// is held.</summary>
internal static class AttachmentContent
{
    public static async Task<AttachmentRead> ReadAsync(GraphServiceClient graph, string mailbox, string messageId, string attachmentId,
        long maxBytes, CancellationToken cancellationToken)
    {
        var request = ValueRequest(mailbox, messageId, attachmentId);
        var (body, length) = await GraphResponses.SendStreamedAsync(graph.RequestAdapter, request, cancellationToken).ConfigureAwait(false);
        if (body is null) return new AttachmentRead([], 0);
        await using (body.ConfigureAwait(false))
        {
            var bytes = await CappedRead.ReadAsync(body, maxBytes, length, cancellationToken).ConfigureAwait(false);
            return bytes is not null ? new AttachmentRead(bytes, bytes.Length) : new AttachmentRead(null, length > maxBytes ? length.Value : maxBytes + 1);
        }
    }

    /// <summary>Spools an attachment's raw bytes by /$value into a temporary file of <paramref name="directory"/>, for a
    /// copy that carries an attachment scanning did not read (<see cref="CopyAttachmentContent.SpoolAsync"/>).</summary>
    public static async Task<CopyAttachmentContent> SpoolAsync(GraphServiceClient graph, string mailbox, string messageId, string attachmentId,
        string directory, CancellationToken cancellationToken)
    {
        var request = ValueRequest(mailbox, messageId, attachmentId);
        var (body, _) = await GraphResponses.SendStreamedAsync(graph.RequestAdapter, request, cancellationToken).ConfigureAwait(false);
        if (body is null) return CopyAttachmentContent.InMemory([]);
        await using (body.ConfigureAwait(false))
            return await CopyAttachmentContent.SpoolAsync(body, directory, cancellationToken).ConfigureAwait(false);
    }

    private static RequestInformation ValueRequest(string mailbox, string messageId, string attachmentId) =>
        new(Method.GET, "{+baseurl}/users/{user}/messages/{message}/attachments/{attachment}/$value",
            new Dictionary<string, object> { ["user"] = mailbox, ["message"] = messageId, ["attachment"] = attachmentId });
}
