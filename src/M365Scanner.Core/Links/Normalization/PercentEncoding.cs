using System.Text;

namespace M365Scanner.Core.Links.Normalization;

/// <summary>Percent-encoding helpers that never re-encode what is already encoded: a URL's meaning depends on
/// which characters were escaped, so "%2F" must stay "%2F" and not become "/".</summary>
internal static class PercentEncoding
{
    /// <summary>Encodes only what cannot appear in a URL at all (controls, space, non-ASCII, "&lt;&gt;\"`{}|\^" and a
    /// '%' that does not start an escape); everything else, including existing escapes, is kept as written.</summary>
    public static string EncodeUnsafe(ReadOnlySpan<char> text)
    {
        if (!NeedsEncoding(text))
            return text.ToString();

        var builder = new StringBuilder(text.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (c == '%')
            {
                builder.Append(IsEscape(text, i) ? "%" : "%25");
                i++;
            }
            else if (c < 0x80 && !IsUnsafeAscii(c))
            {
                builder.Append(c);
                i++;
            }
            else
            {
                // Lone surrogates become U+FFFD: the URL is garbage there anyway, and we must still emit valid UTF-8.
                if (Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
                    rune = Rune.ReplacementChar;
                var written = rune.EncodeToUtf8(utf8);
                foreach (var b in utf8[..written])
                    builder.Append('%').Append(HexUpper[b >> 4]).Append(HexUpper[b & 0xF]);
                i += Math.Max(consumed, 1);
            }
        }
        return builder.ToString();
    }

    /// <summary>Decodes %XX escapes as UTF-8 (invalid sequences stay as written); with
    /// <paramref name="plusIsSpace"/>, '+' is a space as in HTML form encoding (query parameter values).</summary>
    public static string Decode(string text, bool plusIsSpace)
    {
        if (plusIsSpace)
            text = text.Replace('+', ' ');
        return text.Contains('%') ? Uri.UnescapeDataString(text) : text;
    }

    private const string HexUpper = "0123456789ABCDEF";

    private static bool NeedsEncoding(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 0x80 || IsUnsafeAscii(c) || (c == '%' && !IsEscape(text, i)))
                return true;
        }
        return false;
    }

    private static bool IsEscape(ReadOnlySpan<char> text, int i) =>
        i + 2 < text.Length && char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]);

    private static bool IsUnsafeAscii(char c) =>
        c <= 0x20 || c == 0x7F || c is '"' or '<' or '>' or '`' or '{' or '}' or '|' or '\\' or '^';
}
