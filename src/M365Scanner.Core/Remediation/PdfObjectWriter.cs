using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Tokens;

namespace M365Scanner.Core.Remediation;

/// <summary>
/// Writes the PDF source of a parsed object (no streams: the objects an URI rewrite changes are annotation and
/// action dictionaries and strings). Written by hand rather than with PdfPig's TokenWriter so that every choice is
/// ours: strings from the file are written as hex of their original bytes (nothing is re-encoded), names are
/// #-escaped, numbers in invariant culture.
/// </summary>
internal static class PdfObjectWriter
{
    private const int MaxDepth = 64;

    /// <exception cref="NotSupportedException">The token is a stream or a kind that cannot appear in an object.</exception>
    public static void Write(IToken token, StringBuilder output) => Write(token, output, 0);

    private static void Write(IToken token, StringBuilder output, int depth)
    {
        if (depth > MaxDepth)
            throw new NotSupportedException("object nested too deeply");
        switch (token)
        {
            case NullToken:
                output.Append("null");
                break;
            case BooleanToken b:
                output.Append(b.Data ? "true" : "false");
                break;
            case NumericToken n:
                output.Append(n.HasDecimalPlaces
                    ? n.Double.ToString("0.##########", CultureInfo.InvariantCulture)
                    : n.Long.ToString(CultureInfo.InvariantCulture));
                break;
            case NameToken name:
                WriteName(name.Data, output);
                break;
            case StringToken s:
                WriteString(s.GetBytes(), output);
                break;
            case HexToken h:
                output.Append('<').Append(Convert.ToHexString(h.Bytes.ToArray())).Append('>');
                break;
            case IndirectReferenceToken r:
                output.Append(CultureInfo.InvariantCulture, $"{r.Data.ObjectNumber} {r.Data.Generation} R");
                break;
            case ArrayToken array:
                output.Append('[');
                for (var i = 0; i < array.Data.Count; i++)
                {
                    if (i > 0)
                        output.Append(' ');
                    Write(array.Data[i], output, depth + 1);
                }
                output.Append(']');
                break;
            case DictionaryToken dictionary:
                output.Append("<<");
                foreach (var (key, value) in dictionary.Data)
                {
                    WriteName(key, output);
                    output.Append(' ');
                    Write(value, output, depth + 1);
                }
                output.Append(">>");
                break;
            default:
                throw new NotSupportedException($"cannot write a {token.GetType().Name} in an object");
        }
    }

    // Printable ASCII is written as a literal string, so an auditor reading the update sees the new URI; anything
    // else as hex, which needs no escaping and keeps the bytes exactly.
    private static void WriteString(IReadOnlyList<byte> bytes, StringBuilder output)
    {
        if (bytes.All(b => b is >= 0x20 and < 0x7F))
        {
            output.Append('(');
            foreach (var b in bytes)
            {
                if (b is (byte)'(' or (byte)')' or (byte)'\\')
                    output.Append('\\');
                output.Append((char)b);
            }
            output.Append(')');
            return;
        }
        output.Append('<').Append(Convert.ToHexString(bytes.ToArray())).Append('>');
    }

    // A name's bytes are its UTF-8; delimiters, '#' and anything outside printable ASCII are written as #xx.
    private static void WriteName(string name, StringBuilder output)
    {
        output.Append('/');
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            if (b is > 0x20 and < 0x7F && "()<>[]{}/%#".IndexOf((char)b) < 0)
                output.Append((char)b);
            else
                output.Append('#').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
    }
}
