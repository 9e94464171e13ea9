using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>Measures what a Flate (zlib) stream inflates to without keeping the output, stopping as soon as it
/// passes a limit, so a bomb costs the time to inflate the limit, never the memory of its full size.</summary>
internal static class BoundedInflate
{
    /// <summary>The inflated length of <paramref name="compressed"/>, or <paramref name="limit"/> + 1 when it is
    /// longer. A stream damaged part-way counts what inflated before the damage, as a lenient reader would use.</summary>
    public static long Measure(ReadOnlyMemory<byte> compressed, long limit)
    {
        // PdfPig skips the two header bytes whatever they are and inflates the rest as raw deflate; measured the same
        // way, and also from the start when the header is not a valid one (writers that omit it), the larger counting.
        var asPdfPig = compressed.Length < 2 ? 0 : MeasureRaw(compressed[2..], limit);
        return HasZlibHeader(compressed.Span) || asPdfPig > limit ? asPdfPig : Math.Max(asPdfPig, MeasureRaw(compressed, limit));
    }

    /// <summary>Inflates <paramref name="compressed"/> as PdfPig's Flate filter does (its two header bytes skipped,
    /// the rest raw deflate), keeping the output, when it has a valid zlib header; null when it has none, so the caller
    /// measures both readings first. The output stops one byte past <paramref name="limit"/>, so a bomb costs the time
    /// to inflate the limit; a stream damaged part-way gives back its input, as PdfPig's filter does.</summary>
    public static Memory<byte>? TryInflate(Memory<byte> compressed, long limit)
    {
        if (!HasZlibHeader(compressed.Span))
            return null;
        using var input = MemoryMarshal.TryGetArray((ReadOnlyMemory<byte>)compressed[2..], out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(compressed[2..].ToArray(), writable: false);
        // One byte past the limit tells a bomb; past long.MaxValue nothing is, and a MemoryStream fails long before.
        var stop = limit == long.MaxValue ? limit : limit + 1;
        var output = new MemoryStream((int)Math.Min(Math.Min(stop, Array.MaxLength), (long)compressed.Length * 4));
        var scratch = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var inflater = new DeflateStream(input, CompressionMode.Decompress);
            int read;
            while ((read = inflater.Read(scratch, 0, scratch.Length)) > 0)
            {
                var room = stop - output.Length;
                output.Write(scratch, 0, (int)Math.Min(read, room));
                if (output.Length >= stop)
                    break;
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return compressed;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
        return output.GetBuffer().AsMemory(0, (int)output.Length);
    }

    private static long MeasureRaw(ReadOnlyMemory<byte> compressed, long limit)
    {
        var scratch = ArrayPool<byte>.Shared.Rent(64 * 1024);
        long total = 0;
        try
        {
            using var input = MemoryMarshal.TryGetArray(compressed, out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(compressed.ToArray(), writable: false);
            using var inflater = new DeflateStream(input, CompressionMode.Decompress);
            int read;
            while ((read = inflater.Read(scratch, 0, scratch.Length)) > 0)
            {
                total += read;
                if (total > limit)
                    return limit + 1;
            }
        }
        catch (InvalidDataException)
        {
            // damaged part-way: what came before still counts
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
        return total;
    }

    // RFC 1950: CM = 8 (deflate) and the header's 16 bits a multiple of 31.
    private static bool HasZlibHeader(ReadOnlySpan<byte> data) =>
        data.Length >= 2 && (data[0] & 0x0F) == 8 && ((data[0] << 8) | data[1]) % 31 == 0;
}
