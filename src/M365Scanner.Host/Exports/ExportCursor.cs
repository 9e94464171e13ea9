using System.Buffers.Binary;
using System.Buffers.Text;

namespace M365Scanner.Host.Exports;

/// <summary>The position of an export reader in a change feed, as the opaque string clients keep: "v1." and the
/// change sequence as 8 big-endian bytes in base64url. Opaque so the encoding can change (a new version prefix)
/// without clients parsing anything; an empty cursor is the start of the feed.</summary>
public static class ExportCursor
{
    private const string Version = "v1.";
    private static readonly int EncodedLength = Base64Url.GetEncodedLength(sizeof(long));

    /// <summary>The cursor of the start of a feed (before its first change).</summary>
    public static string Start { get; } = Encode(0);

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sequence"/> is negative.</exception>
    public static string Encode(long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(bytes, sequence);
        return Version + Base64Url.EncodeToString(bytes);
    }

    /// <summary>Reads a cursor a client sent; null or empty is the start. False with the reason, in words a client
    /// can act on, when it is not one this host issued.</summary>
    public static bool TryDecode(string? cursor, out long sequence, out string? error)
    {
        sequence = 0;
        error = null;
        if (string.IsNullOrEmpty(cursor))
            return true;
        if (!cursor.StartsWith(Version, StringComparison.Ordinal))
        {
            error = "the cursor is not one this host issued (it must start with \"v1.\"): use the X-Next-Cursor of a previous export, or none to start from the beginning";
            return false;
        }
        // Exactly what Encode writes: 11 characters, no padding.
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        var text = cursor.AsSpan(Version.Length);
        if (text.Length != EncodedLength || !Base64Url.IsValid(text) || !Base64Url.TryDecodeFromChars(text, bytes, out var written)
            || written != sizeof(long))
        {
            error = "the cursor is damaged (not 8 bytes of base64url after \"v1.\"): use the X-Next-Cursor of a previous export, or none to start from the beginning";
            return false;
        }
        sequence = BinaryPrimitives.ReadInt64BigEndian(bytes);
        if (sequence < 0)
        {
            error = "the cursor is damaged (a negative position): use the X-Next-Cursor of a previous export, or none to start from the beginning";
            sequence = 0;
            return false;
        }
        return true;
    }
}
