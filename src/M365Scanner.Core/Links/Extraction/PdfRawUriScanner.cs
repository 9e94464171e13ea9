using System.IO.Compression;
using System.Text;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Finds the URI actions of a PDF by scanning its bytes, without parsing the document: every <c>/URI</c> key
/// followed by a string, in the file itself and inside every Flate-compressed stream (which is where object
/// streams keep annotations in PDF 1.5+ files). Used when the PDF cannot be opened at all (truncated, broken
/// beyond repair), because readers such as Acrobat repair such files and still show their links.
/// </summary>
/// <remarks>
/// Limits, by design: no page numbers; no decryption (an encrypted file yields ciphertext, so callers must not scan
/// one); streams with filters other than Flate alone are skipped; a <c>/URI</c> whose value is an indirect
/// reference is not followed; an annotation left over from an earlier revision, or not reachable from any
/// page, is still counted. Inflated output is bounded (<see cref="MaxInflatedBytes"/>) against compression bombs.
/// </remarks>
internal static class PdfRawUriScanner
{
    public const long MaxInflatedBytes = 64L * 1024 * 1024;
    private const int MaxDictionaryLookBack = 4096;

    private static readonly string[] OtherFilters =
        ["/DCTDecode", "/JPXDecode", "/ASCII85Decode", "/ASCIIHexDecode", "/LZWDecode", "/RunLengthDecode",
         "/CCITTFaxDecode", "/JBIG2Decode", "/Crypt", "/A85", "/AHx", "/LZW", "/RL", "/DCT", "/CCF"];

    /// <summary>The URIs in document order (file bytes first, then each compressed stream), trimmed, with duplicates.</summary>
    public static List<string> Scan(ReadOnlySpan<byte> pdf)
    {
        var uris = new List<string>();
        ScanBuffer(pdf, uris);
        long inflatedBudget = MaxInflatedBytes;
        var at = 0;
        while (inflatedBudget > 0 && FindStream(pdf, ref at, out var dictionary, out var data))
        {
            if (!IsFlateOnly(dictionary))
                continue;
            var inflated = Inflate(data, ref inflatedBudget);
            ScanBuffer(inflated, uris);
        }
        return uris;
    }

    private static void ScanBuffer(ReadOnlySpan<byte> buffer, List<string> uris)
    {
        var at = 0;
        while (true)
        {
            var hit = buffer[at..].IndexOf("/URI"u8);
            if (hit < 0)
                return;
            at += hit + 4;
            // "/URI" must be the whole name ("/URIs" or "/URI#20" are other names).
            if (at < buffer.Length && !IsDelimiterOrSpace(buffer[at]))
                continue;
            var p = SkipSpace(buffer, at);
            if (p >= buffer.Length)
                return;
            string? value = buffer[p] switch
            {
                (byte)'(' => ReadLiteral(buffer, p, out at),
                (byte)'<' when p + 1 < buffer.Length && buffer[p + 1] != '<' => ReadHex(buffer, p, out at),
                _ => null,
            };
            if (value is not null && value.Trim().Trim('\0').Trim() is { Length: > 0 } uri)
                uris.Add(uri);
        }
    }

    // Finds the next "stream" keyword after an object dictionary and the bytes up to "endstream".
    private static bool FindStream(ReadOnlySpan<byte> pdf, ref int at, out ReadOnlySpan<byte> dictionary, out ReadOnlySpan<byte> data)
    {
        dictionary = data = default;
        while (at < pdf.Length)
        {
            var hit = pdf[at..].IndexOf("stream"u8);
            if (hit < 0)
            {
                at = pdf.Length;
                return false;
            }
            var keyword = at + hit;
            at = keyword + 6;
            if (keyword >= 3 && pdf.Slice(keyword - 3, 3).SequenceEqual("end"u8))
                continue;
            var start = at;
            if (start < pdf.Length && pdf[start] == '\r') start++;
            if (start < pdf.Length && pdf[start] == '\n') start++;
            if (start == at)
                continue; // "stream" must end its line
            var end = pdf[start..].IndexOf("endstream"u8);
            end = end < 0 ? pdf.Length : start + end; // truncated file: take what is there
            var lookBack = Math.Max(0, keyword - MaxDictionaryLookBack);
            var before = pdf[lookBack..keyword];
            var obj = before.LastIndexOf(" obj"u8);
            dictionary = obj < 0 ? before : before[obj..];
            data = pdf[start..end];
            at = end;
            return true;
        }
        return false;
    }

    private static bool IsFlateOnly(ReadOnlySpan<byte> dictionary)
    {
        var text = Encoding.Latin1.GetString(dictionary);
        if (!text.Contains("/FlateDecode", StringComparison.Ordinal))
            return false;
        if (text.Contains("/Image", StringComparison.Ordinal) || text.Contains("/Predictor", StringComparison.Ordinal))
            return false;
        foreach (var filter in OtherFilters)
        {
            var i = text.IndexOf(filter, StringComparison.Ordinal);
            if (i >= 0 && (i + filter.Length == text.Length || IsDelimiterOrSpace((byte)text[i + filter.Length])))
                return false;
        }
        return true;
    }

    // Inflates as much as the data allows: a truncated or corrupt stream still gives its first part.
    private static byte[] Inflate(ReadOnlySpan<byte> data, ref long budget)
    {
        using var input = new MemoryStream(data.ToArray(), writable: false);
        using var output = new MemoryStream();
        try
        {
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            var chunk = new byte[16 * 1024];
            int read;
            while (budget > 0 && (read = zlib.Read(chunk, 0, (int)Math.Min(chunk.Length, budget))) > 0)
            {
                output.Write(chunk, 0, read);
                budget -= read;
            }
        }
        catch (InvalidDataException)
        {
        }
        return output.ToArray();
    }

    private static string? ReadLiteral(ReadOnlySpan<byte> b, int open, out int end)
    {
        var bytes = new List<byte>();
        var depth = 0;
        var i = open + 1;
        for (; i < b.Length; i++)
        {
            var c = b[i];
            if (c == '\\' && i + 1 < b.Length)
            {
                var e = b[++i];
                switch (e)
                {
                    case (byte)'n': bytes.Add((byte)'\n'); break;
                    case (byte)'r': bytes.Add((byte)'\r'); break;
                    case (byte)'t': bytes.Add((byte)'\t'); break;
                    case (byte)'b': bytes.Add((byte)'\b'); break;
                    case (byte)'f': bytes.Add((byte)'\f'); break;
                    case (byte)'\r':
                        if (i + 1 < b.Length && b[i + 1] == '\n') i++;
                        break; // line continuation
                    case (byte)'\n': break;
                    case >= (byte)'0' and <= (byte)'7':
                        var value = e - '0';
                        for (var k = 0; k < 2 && i + 1 < b.Length && b[i + 1] is >= (byte)'0' and <= (byte)'7'; k++)
                            value = value * 8 + (b[++i] - '0');
                        bytes.Add((byte)value);
                        break;
                    default: bytes.Add(e); break;
                }
                continue;
            }
            if (c == '(') depth++;
            else if (c == ')' && depth-- == 0) break;
            bytes.Add(c);
        }
        end = Math.Min(i + 1, b.Length);
        return i >= b.Length ? null : Decode(bytes.ToArray());
    }

    private static string? ReadHex(ReadOnlySpan<byte> b, int open, out int end)
    {
        var close = b[open..].IndexOf((byte)'>');
        if (close < 0)
        {
            end = b.Length;
            return null;
        }
        end = open + close + 1;
        var digits = new StringBuilder();
        foreach (var c in b[(open + 1)..(open + close)])
            if (Uri.IsHexDigit((char)c)) digits.Append((char)c);
        if (digits.Length % 2 == 1) digits.Append('0');
        return Decode(Convert.FromHexString(digits.ToString()));
    }

    // PDF text strings are UTF-16BE with a byte-order mark, or single-byte (ASCII for any URI in practice).
    private static string Decode(byte[] bytes) =>
        bytes is [0xFE, 0xFF, ..] ? Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2) : Encoding.Latin1.GetString(bytes);

    private static int SkipSpace(ReadOnlySpan<byte> b, int i)
    {
        while (i < b.Length && b[i] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or (byte)'\f' or 0) i++;
        return i;
    }

    private static bool IsDelimiterOrSpace(byte c) =>
        c is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t' or (byte)'\f' or 0 or (byte)'(' or (byte)')' or (byte)'<'
            or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';
}
