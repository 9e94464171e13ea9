using System.IO.Compression;

namespace M365Scanner.HostileCorpus.Pdf;

/// <summary>zlib data (PDF's /FlateDecode) written at run time: the bombs are never stored, only their recipe.</summary>
public static class Flate
{
    /// <summary>Compresses what <paramref name="write"/> writes. Repetitive input compresses about 1000:1, so 1 GiB
    /// of it takes about 1 MB and a fraction of a second.</summary>
    public static byte[] Compress(Action<Stream> write)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
            write(zlib);
        return output.ToArray();
    }

    public static byte[] Compress(byte[] data) => Compress(s => s.Write(data));

    /// <summary>Writes <paramref name="pattern"/> over and over until <paramref name="totalBytes"/> are written
    /// (the last copy cut short), in large chunks so that a gigabyte costs little more than compressing it.</summary>
    public static void WriteRepeated(Stream output, ReadOnlySpan<byte> pattern, long totalBytes)
    {
        var copies = Math.Max(1, (1 << 20) / pattern.Length);
        var chunk = new byte[copies * pattern.Length];
        for (var i = 0; i < copies; i++)
            pattern.CopyTo(chunk.AsSpan(i * pattern.Length));
        for (var left = totalBytes; left > 0; left -= chunk.Length)
            output.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
    }
}
