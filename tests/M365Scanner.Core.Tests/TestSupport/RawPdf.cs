using System.IO.Compression;
using System.Text;

namespace M365Scanner.Core.Tests.TestSupport;

/// <summary>
/// Writes a PDF from its objects as source text, numbered from 1 in order, with a correct cross-reference table:
/// for the structures no writer would make (reference cycles, forms that draw themselves, decompression bombs).
/// Object 1 must be the catalog.
/// </summary>
public static class RawPdf
{
    /// <summary>A link annotation to <paramref name="uri"/>, written inline.</summary>
    public static string Link(string uri) =>
        $"<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] /A << /S /URI /URI ({uri}) >> >>";

    /// <summary>A Flate stream object holding <paramref name="content"/>, with extra dictionary entries.</summary>
    public static string FlateStream(byte[] content, string entries = "") => Stream(Deflate(content), $"/Filter /FlateDecode {entries}");

    /// <summary>A stream object of <paramref name="data"/> as it is written (already encoded).</summary>
    public static string Stream(byte[] data, string entries = "") =>
        $"<< /Length {data.Length} {entries} >>\nstream\n{Encoding.Latin1.GetString(data)}\nendstream";

    /// <summary>A Flate stream of <paramref name="zeros"/> zero bytes, compressed chunk by chunk so the bomb is
    /// never held whole while it is made.</summary>
    public static string FlateZeros(long zeros)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var chunk = new byte[1 << 20];
            for (var left = zeros; left > 0; left -= chunk.Length)
                zlib.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
        }
        return Stream(output.ToArray(), "/Filter /FlateDecode");
    }

    /// <summary>One page (object 3) under the catalog (1) and page tree (2): <paramref name="pageEntries"/> go in the
    /// page dictionary; <paramref name="more"/> are objects 4, 5, ...</summary>
    public static byte[] OnePage(string pageEntries, params string[] more) =>
        Build(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] {pageEntries} >>", .. more]);

    public static byte[] Build(IReadOnlyList<string> objects)
    {
        var output = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(output.ToString()));
            output.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.Latin1.GetByteCount(output.ToString());
        output.Append($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            output.Append($"{offset:D10} 00000 n \n");
        output.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(output.ToString());
    }

    public static byte[] Deflate(byte[] content)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
            zlib.Write(content);
        return output.ToArray();
    }
}
