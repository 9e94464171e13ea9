using System.Buffers;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>PDF's white space (ISO 32000 7.2.2): NUL, tab, line feed, form feed, carriage return, space. One definition
/// for every raw reader of PDF bytes, so none of them disagrees with another on where a token ends.</summary>
internal static class PdfWhiteSpace
{
    /// <summary>The six bytes, for trimming.</summary>
    public static ReadOnlySpan<byte> Bytes => " \r\n\t\f\0"u8;

    /// <summary>The six bytes, for vectorised searches.</summary>
    public static readonly SearchValues<byte> Set = SearchValues.Create(Bytes);

    public static bool Is(byte b) => b is 0 or 9 or 10 or 12 or 13 or 32;

    /// <summary>The first index from <paramref name="at"/> that is not white space (the length when none is).</summary>
    public static int Skip(ReadOnlySpan<byte> s, int at)
    {
        while (at < s.Length && Is(s[at]))
            at++;
        return at;
    }
}
