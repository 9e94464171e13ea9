using System.Buffers.Text;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Finds a cross-reference stream whose /W field widths no writer would use. PdfPig adds the widths as 32-bit
/// integers while opening the file, before any of our code runs; <c>/W [1 2147483647 1]</c> overflows the sum and
/// then its stack (found by fuzzing). A field is at most 8 bytes wide (a 64-bit offset).
/// </summary>
internal static class PdfXrefWidths
{
    private const int MaxFieldBytes = 8;

    /// <summary>Why the file must not be handed to PdfPig, or null.</summary>
    public static string? Implausible(ReadOnlySpan<byte> pdf)
    {
        for (var from = 0; pdf[from..].IndexOf("/Type"u8) is var found and >= 0;)
        {
            var type = from + found;
            from = type + "/Type".Length;
            var value = PdfWhiteSpace.Skip(pdf, from);
            if (!pdf[value..].StartsWith("/XRef"u8) || (value + 5 < pdf.Length && IsWordByte(pdf[value + 5])))
                continue;

            // Only a cross-reference stream's dictionary: a CID font's /W (glyph widths) is an ordinary array of
            // large numbers. The dictionary lies between its object's "obj" keyword and the "stream" keyword after it.
            var start = pdf[..type].LastIndexOf("obj"u8);
            var length = pdf[type..].IndexOf("stream"u8);
            if (start < 0 || length < 0)
                continue;
            if (WidthsIn(pdf[start..(type + length)]) is { } wrong)
                return $"its cross-reference stream declares a field {wrong} bytes wide";
        }
        return null;
    }

    // The first width out of range of any /W array in the dictionary, as written, even when the array is not closed
    // (the fuzzer's file never closes it). Every array is read, not only the first: a hostile file can put a harmless
    // one first (in a nested dictionary, or as a duplicate key) and the one PdfPig reads after it.
    private static string? WidthsIn(ReadOnlySpan<byte> dictionary)
    {
        for (var from = 0; dictionary[from..].IndexOf("/W"u8) is var found and >= 0;)
        {
            var at = PdfWhiteSpace.Skip(dictionary, from + found + 2);
            from += found + 2;
            if (at >= dictionary.Length || dictionary[at] != (byte)'[')
                continue;
            at = PdfWhiteSpace.Skip(dictionary, at + 1);
            for (var field = 0; field < 3; field++)
            {
                var number = Number(dictionary[at..]);
                if (number.Length == 0)
                    break;
                if (!Utf8Parser.TryParse(number, out int width, out var used) || used != number.Length || width is < 0 or > MaxFieldBytes)
                    return System.Text.Encoding.Latin1.GetString(number);
                var after = at + number.Length;
                at = PdfWhiteSpace.Skip(dictionary, after);
                if (at == after)
                    break;
            }
        }
        return null;
    }

    // The run of number characters ("[+-.0-9]") at the start of the span, or empty: PdfPig reads "+2147483647" and
    // "1.0" as numbers, so anything but a plain integer in range is refused rather than skipped.
    private static ReadOnlySpan<byte> Number(ReadOnlySpan<byte> s)
    {
        var length = s.IndexOfAnyExcept(NumberBytes);
        return length < 0 ? s : s[..length];
    }

    private static readonly System.Buffers.SearchValues<byte> NumberBytes = System.Buffers.SearchValues.Create("+-.0123456789"u8);

    private static bool IsWordByte(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'_';
}
