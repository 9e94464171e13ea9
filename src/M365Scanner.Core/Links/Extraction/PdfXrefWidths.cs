using System.Text.RegularExpressions;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Finds a cross-reference stream whose /W field widths no writer would use. PdfPig adds the widths as 32-bit
/// integers while opening the file, before any of our code runs; <c>/W [1 2147483647 1]</c> overflows the sum and
/// then its stack (found by fuzzing). A field is at most 8 bytes wide (a 64-bit offset).
/// </summary>
internal static partial class PdfXrefWidths
{
    private const int MaxFieldBytes = 8;

    /// <summary>Why the file must not be handed to PdfPig, or null.</summary>
    /// <param name="text">The file's bytes as Latin-1 text.</param>
    public static string? Implausible(string text)
    {
        try
        {
            // Only a cross-reference stream's dictionary: a CID font's /W (glyph widths) is an ordinary array of
            // large numbers. The dictionary lies between its object's "obj" keyword and the "stream" keyword after it.
            foreach (Match xref in XrefType().Matches(text))
            {
                var start = text.LastIndexOf("obj", xref.Index, StringComparison.Ordinal);
                var end = text.IndexOf("stream", xref.Index, StringComparison.Ordinal);
                if (start < 0 || end < 0)
                    continue;
                var m = Widths().Match(text, start, end - start);
                for (var g = 1; g <= 3 && m.Success && m.Groups[g].Success; g++)
                    if (!int.TryParse(m.Groups[g].ValueSpan, out var width) || width is < 0 or > MaxFieldBytes)
                        return $"its cross-reference stream declares a field {m.Groups[g].Value} bytes wide";
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // the parse worker's isolation is the backstop
        }
        return null;
    }

    [GeneratedRegex(@"/Type[\x00\t\n\f\r ]*/XRef\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex XrefType();

    // The widths as written, even when the array is not closed (the fuzzer's file never closes it).
    [GeneratedRegex(@"/W[\x00\t\n\f\r ]*\[[\x00\t\n\f\r ]*(-?[0-9]+)(?:[\x00\t\n\f\r ]+(-?[0-9]+))?(?:[\x00\t\n\f\r ]+(-?[0-9]+))?",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Widths();
}
