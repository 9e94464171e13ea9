using System.Buffers;

namespace M365Scanner.Graph.Mail;

/// <summary>Reads a response body into memory only while it stays within a cap: attachment bytes, and answers whose
/// size follows from attachments' declared sizes, which the service reports and an attacker may influence.</summary>
internal static class CappedRead
{
    private const int ChunkBytes = 81920;

    /// <param name="declaredLength">The body's Content-Length when the response gave one: over the cap, nothing is
    /// read; within it, it sizes the buffer once. A body longer than it declared is still caught by the count.</param>
    /// <returns>The whole body, or null as soon as it proves longer than <paramref name="cap"/>. Never more than
    /// cap + 1 bytes are taken from the stream, and never more than cap kept.</returns>
    public static async Task<byte[]?> ReadAsync(Stream body, long cap, long? declaredLength, CancellationToken cancellationToken)
    {
        if (declaredLength > cap) return null;
        using var buffer = new MemoryStream(declaredLength is { } length ? (int)Math.Min(length, Array.MaxLength) : 0);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            while (true)
            {
                // One byte past what the cap still allows is enough to know the body is over it.
                var allowed = cap - buffer.Length;
                var wanted = allowed >= chunk.Length ? chunk.Length : (int)allowed + 1;
                var read = await body.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                if (buffer.Length + read > cap) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }
}
