using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace M365Scanner.Graph.Mail;

/// <summary>Reads an attachment's raw bytes by /$value (the SDK has no builder for it on message attachments).</summary>
internal static class AttachmentContent
{
    /// <summary>The bytes, or null when there are more than <paramref name="maxBytes"/> (reading stops there).</summary>
    public static async Task<byte[]?> ReadAsync(GraphServiceClient graph, string mailbox, string messageId, string attachmentId,
        long maxBytes, CancellationToken cancellationToken)
    {
        var request = new RequestInformation(Method.GET,
            "{+baseurl}/users/{user}/messages/{message}/attachments/{attachment}/$value",
            new Dictionary<string, object> { ["user"] = mailbox, ["message"] = messageId, ["attachment"] = attachmentId });
        await using var stream = await graph.RequestAdapter.SendPrimitiveAsync<Stream>(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (stream is null) return [];
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
