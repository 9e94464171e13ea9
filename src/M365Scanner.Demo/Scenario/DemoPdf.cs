using System.Globalization;
using System.Text;

namespace M365Scanner.Demo.Scenario;

/// <summary>Writes the demo's one-page PDF by hand: lines of Helvetica text from the top, each optionally covered by a
/// URI link annotation, as office suites export a document with hyperlinks. Small and dependency-free.</summary>
public static class DemoPdf
{
    /// <summary>One line of text; <paramref name="Uri"/> makes the line a link.</summary>
    public sealed record Line(string Text, string? Uri = null);

    public static byte[] Build(IReadOnlyList<Line> lines)
    {
        // 1 catalog, 2 page tree, 3 font, 4 page, 5 content, then one object per link annotation.
        const int top = 765, leading = 18;
        var content = new StringBuilder($"BT /F1 12 Tf {leading} TL 72 {top} Td\n");
        var annotations = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            content.Append(CultureInfo.InvariantCulture, $"{Literal(lines[i].Text)} Tj T*\n");
            if (lines[i].Uri is { } uri)
            {
                var baseline = top - i * leading;
                annotations.Add($"<< /Type /Annot /Subtype /Link /Rect [70 {baseline - 4} 540 {baseline + 12}] /Border [0 0 0] " +
                                $"/A << /S /URI /URI {Literal(uri)} >> >>");
            }
        }
        content.Append("ET\n");
        var stream = Encoding.Latin1.GetBytes(content.ToString());
        var annots = annotations.Count == 0 ? "" : $" /Annots [{string.Join(' ', annotations.Select((_, i) => $"{6 + i} 0 R"))}]";
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R{annots} >>",
            "",
        };
        objects.AddRange(annotations);

        using var output = new MemoryStream();
        void Write(string s) => output.Write(Encoding.Latin1.GetBytes(s));
        Write("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            if (i == 4)
            {
                Write($"5 0 obj\n<< /Length {stream.Length} >>\nstream\n");
                output.Write(stream);
                Write("\nendstream\nendobj\n");
            }
            else
            {
                Write($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
            }
        }
        var xref = output.Position;
        Write($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            Write($"{offset:D10} 00000 n \n");
        Write($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    private static string Literal(string s) => "(" + s.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)") + ")";
}
