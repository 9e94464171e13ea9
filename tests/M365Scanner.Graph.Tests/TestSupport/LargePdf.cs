using System.Globalization;
using System.Text;

namespace M365Scanner.Graph.Tests.TestSupport;

/// <summary>A valid one-page PDF of about the size asked for, built in memory (no large file in the repository): a
/// link annotation to <c>uri</c> and a greyscale image of random bytes that makes up the size and does not compress,
/// as in a scanned invoice.</summary>
public static class LargePdf
{
    public static byte[] Create(int approximateBytes, string uri, int seed = 0)
    {
        const int width = 4096;
        var height = Math.Max(1, approximateBytes / width);
        var pixels = new byte[width * height];
        new Random(seed).NextBytes(pixels);

        using var pdf = new MemoryStream(pixels.Length + 2048);
        var offsets = new List<long>();
        void Write(string text) => pdf.Write(Encoding.ASCII.GetBytes(text));
        void Object(string body)
        {
            offsets.Add(pdf.Position);
            Write($"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }

        Write("%PDF-1.4\n%\u00e2\u00e3\n");
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [4 0 R] /Resources << /XObject << /Im1 5 0 R >> >> >>");
        Object($"<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /Border [0 0 0] /A << /S /URI /URI ({uri}) >> >>");
        offsets.Add(pdf.Position);
        Write(string.Create(CultureInfo.InvariantCulture,
            $"5 0 obj\n<< /Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length {pixels.Length} >>\nstream\n"));
        pdf.Write(pixels);
        Write("\nendstream\nendobj\n");
        var xref = pdf.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) Write(string.Create(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n"));
        Write(string.Create(CultureInfo.InvariantCulture, $"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return pdf.ToArray();
    }
}
