using System.Buffers;
using AngleSharp.Html;
using AngleSharp.Common;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Decodes the text of an HTML text run or attribute value as the HTML5 tokenizer does: character references
/// (<c>&amp;amp;</c>, <c>&amp;#38;</c>, <c>&amp;#x26;</c>, the legacy names without a semicolon), line ends (CR and
/// CRLF read as LF) and NUL characters.
/// </summary>
/// <remarks>
/// The names and what they stand for are AngleSharp's table of the HTML5 named references, looked up where the name
/// lies, so decoding allocates nothing but the output. A name is read to at most <see cref="MaxNameChars"/> chars,
/// so the work per reference is bounded.
/// </remarks>
internal static class HtmlCharacterReferences
{
    /// <summary>The longest name tried (the longest in the table is 31 chars with its semicolon).</summary>
    private const int MaxNameChars = 31;

    /// <summary>Where the text was written, which decides two rules of the tokenizer.</summary>
    public enum Context
    {
        /// <summary>Body text: references decoded, NUL dropped.</summary>
        Data,

        /// <summary>Title and textarea text: references decoded, NUL read as U+FFFD.</summary>
        RcData,

        /// <summary>Style, script, xmp, iframe, noembed, noframes and plaintext text: no references, NUL read as U+FFFD.</summary>
        RawText,

        /// <summary>An attribute value: references decoded, except a name without its semicolon followed by '=' or a
        /// letter or digit (so <c>?a=1&amp;copy=2</c> keeps its query); NUL read as U+FFFD.</summary>
        Attribute,
    }

    /// <summary>Whether <paramref name="raw"/> reads as itself, so it need not be decoded at all.</summary>
    public static bool IsVerbatim(ReadOnlySpan<char> raw, Context context) =>
        context == Context.RawText ? raw.IndexOfAny('\r', '\0') < 0 : raw.IndexOfAny('&', '\r', '\0') < 0;

    /// <summary>Appends the decoded <paramref name="raw"/> to <paramref name="output"/>.</summary>
    public static void AppendDecoded(ReadOnlyMemory<char> raw, Context context, ArrayBufferWriter<char> output)
    {
        var span = raw.Span;
        var i = 0;
        while (i < span.Length)
        {
            var special = context == Context.RawText ? span[i..].IndexOfAny('\r', '\0') : span[i..].IndexOfAny('&', '\r', '\0');
            if (special < 0)
            {
                output.Write(span[i..]);
                return;
            }
            output.Write(span.Slice(i, special));
            i += special;
            switch (span[i])
            {
                case '\r':
                    Put(output, '\n');
                    i += i + 1 < span.Length && span[i + 1] == '\n' ? 2 : 1;
                    break;
                case '\0':
                    if (context != Context.Data)
                        Put(output, '\uFFFD');
                    i++;
                    break;
                default:
                    i = Reference(raw, i, context == Context.Attribute, output);
                    break;
            }
        }
    }

    /// <summary>The decoded string of <paramref name="raw"/>; <paramref name="scratch"/> is used for the decoding.</summary>
    public static string Decoded(ReadOnlyMemory<char> raw, Context context, ArrayBufferWriter<char> scratch)
    {
        if (IsVerbatim(raw.Span, context))
            return raw.ToString();
        scratch.ResetWrittenCount();
        AppendDecoded(raw, context, scratch);
        return new string(scratch.WrittenSpan);
    }

    // The reference at raw[amp] ('&'): appends what it stands for, or the '&' alone when it is none, and returns the
    // index after what was consumed.
    private static int Reference(ReadOnlyMemory<char> raw, int amp, bool inAttribute, ArrayBufferWriter<char> output)
    {
        var span = raw.Span;
        var next = amp + 1;
        if (next >= span.Length || span[next] is ' ' or '\t' or '\n' or '\r' or '\f' or '<' or '&')
        {
            Put(output, '&');
            return next;
        }
        if (span[next] == '#')
            return Numeric(span, amp, output);

        // The longest name of name characters, then the longest prefix of it that is a name in the table: with its
        // semicolon first, then the legacy names that are complete without one.
        var length = 0;
        while (next + length < span.Length && length < MaxNameChars && span[next + length] != ';' && IsNameChar(span[next + length]))
            length++;
        if (next + length < span.Length && span[next + length] == ';' &&
            HtmlEntityProvider.ResolverExtended.GetSymbol(new StringOrMemory(raw.Slice(next, length + 1))) is { } full)
        {
            output.Write(full.AsSpan());
            return next + length + 1;
        }
        for (var prefix = length; prefix > 0; prefix--)
        {
            if (HtmlEntityProvider.ResolverExtended.GetSymbol(new StringOrMemory(raw.Slice(next, prefix))) is not { } legacy)
                continue;
            var after = next + prefix;
            if (inAttribute && after < span.Length && (span[after] == '=' || char.IsAsciiLetterOrDigit(span[after])))
                break; // "&copy=2" in a URL's query stays as written
            output.Write(legacy.AsSpan());
            return after;
        }
        Put(output, '&');
        return next;
    }

    // "&#" then decimal digits or "&#x" then hex digits, an optional ';'. Without digits the text stays as written.
    private static int Numeric(ReadOnlySpan<char> span, int amp, ArrayBufferWriter<char> output)
    {
        var i = amp + 2;
        var hex = i < span.Length && span[i] is 'x' or 'X';
        if (hex)
            i++;
        var digitsStart = i;
        var code = 0;
        while (i < span.Length && (hex ? char.IsAsciiHexDigit(span[i]) : char.IsAsciiDigit(span[i])))
        {
            // Past U+10FFFF the value only has to stay past it: a browser reads any such number as U+FFFD.
            if (code <= 0x10FFFF)
                code = code * (hex ? 16 : 10) + HexValue(span[i]);
            i++;
        }
        if (i == digitsStart)
        {
            Put(output, '&');
            return amp + 1;
        }
        if (i < span.Length && span[i] == ';')
            i++;
        if (HtmlEntityProvider.IsInCharacterTable(code))
            output.Write(HtmlEntityProvider.GetSymbolFromTable(code).AsSpan());
        else if (HtmlEntityProvider.IsInvalidNumber(code))
            Put(output, '\uFFFD');
        else
            output.Write(char.ConvertFromUtf32(code).AsSpan());
        return i;
    }

    private static void Put(ArrayBufferWriter<char> output, char c)
    {
        output.GetSpan(1)[0] = c;
        output.Advance(1);
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    // As AngleSharp reads a reference's name: ASCII letters and digits, '-', '_' and anything past ASCII.
    private static bool IsNameChar(char c) => c >= '\u0080' || char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
