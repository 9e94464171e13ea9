using System.Buffers.Text;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// A cheap look at a PDF's trailer, to say in a note that a file PdfPig opened (its lenient parser rebuilds a
/// broken cross-reference by scanning for objects, silently) was damaged: such a file may have lost objects, and
/// damage is itself a trait of evasive phishing PDFs.
/// </summary>
internal static class PdfStructureCheck
{
    private const int TailBytes = 2048;

    /// <summary>A description of the damage, or null when the trailer looks sound.</summary>
    public static string? Damage(ReadOnlySpan<byte> pdf)
    {
        var tail = pdf[Math.Max(0, pdf.Length - TailBytes)..];
        var keyword = tail.LastIndexOf("startxref"u8);
        if (keyword < 0)
            return "no startxref at its end (truncated?)";

        var digits = tail[(keyword + "startxref".Length)..].TrimStart(PdfWhiteSpace.Bytes);
        if (!Utf8Parser.TryParse(digits, out long offset, out _) || offset < 0)
            return "its startxref offset is not a number";

        // Offsets count from the %PDF- header, which may follow some junk.
        var header = pdf[..Math.Min(pdf.Length, 1024)].IndexOf("%PDF-"u8);
        return PointsAtXref(pdf, offset) || (header > 0 && PointsAtXref(pdf, offset + header))
            ? null
            : "its startxref offset does not point at a cross-reference section";
    }

    // A cross-reference table ("xref") or stream ("12 0 obj").
    private static bool PointsAtXref(ReadOnlySpan<byte> pdf, long offset)
    {
        if (offset >= pdf.Length)
            return false;
        var at = pdf[(int)offset..].TrimStart(PdfWhiteSpace.Bytes);
        if (at.StartsWith("xref"u8))
            return true;
        var line = at[..Math.Min(at.Length, 32)];
        var obj = line.IndexOf("obj"u8);
        if (obj <= 0)
            return false;
        foreach (var c in line[..obj])
            if (c is not ((>= (byte)'0' and <= (byte)'9') or (byte)' ' or (byte)'\r' or (byte)'\n'))
                return false;
        return true;
    }
}
