namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// A minimal lexer of PDF content streams that counts operators, says whether any shows text, and reports the
/// XObjects drawn (<c>/Name Do</c>), without building anything: enough to price a page before PdfPig renders it, in
/// one pass and no allocation per token.
/// </summary>
internal static class PdfContentOperators
{
    /// <summary>Counts the operators of <paramref name="content"/>, calling <paramref name="onDraw"/> with the name
    /// operand of each <c>Do</c>; stops early when <paramref name="onDraw"/> returns false.</summary>
    /// <param name="showsText">Whether a text-showing operator (<c>Tj TJ ' "</c>) ran before the count stopped: only
    /// those put letters on a page.</param>
    /// <returns>The operators counted.</returns>
    public static long Count(ReadOnlySpan<byte> content, Func<string, bool> onDraw, out bool showsText)
    {
        showsText = false;
        long operators = 0;
        var lastName = default(Range?);
        var i = 0;
        while (i < content.Length)
        {
            var c = content[i];
            if (PdfWhiteSpace.Is(c))
            {
                i++;
            }
            else if (c == '%')
            {
                while (i < content.Length && content[i] != '\n' && content[i] != '\r')
                    i++;
            }
            else if (c == '(')
            {
                i = SkipLiteralString(content, i);
            }
            else if (c == '<' && i + 1 < content.Length && content[i + 1] == '<' || c == '>' && i + 1 < content.Length && content[i + 1] == '>')
            {
                i += 2;
            }
            else if (c == '<')
            {
                var end = content[i..].IndexOf((byte)'>');
                i = end < 0 ? content.Length : i + end + 1;
            }
            else if (c is (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'>' or (byte)')')
            {
                i++;
            }
            else if (c == '/')
            {
                var start = ++i;
                while (i < content.Length && IsRegular(content[i]))
                    i++;
                lastName = start..i;
            }
            else
            {
                var start = i;
                while (i < content.Length && IsRegular(content[i]))
                    i++;
                if (i == start)
                {
                    i++; // a stray delimiter
                    continue;
                }
                var word = content[start..i];
                if (IsNumber(word) || word.SequenceEqual("true"u8) || word.SequenceEqual("false"u8) || word.SequenceEqual("null"u8))
                    continue;
                operators++;
                showsText |= IsTextShowing(word);
                if (word.SequenceEqual("Do"u8) && lastName is { } name &&
                    !onDraw(DecodeName(content[name])))
                    return operators;
                if (word.SequenceEqual("BI"u8))
                    i = SkipInlineImage(content, i);
                lastName = null;
            }
        }
        return operators;
    }

    // "#xx" escapes: /X#30 names the resource X0, and a price that missed it would be a way past the budget.
    private static string DecodeName(ReadOnlySpan<byte> raw)
    {
        var name = new System.Text.StringBuilder(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == (byte)'#' && i + 2 < raw.Length &&
                byte.TryParse(raw.Slice(i + 1, 2), System.Globalization.NumberStyles.HexNumber, null, out var b))
            {
                name.Append((char)b);
                i += 2;
            }
            else
            {
                name.Append((char)raw[i]);
            }
        }
        return name.ToString();
    }

    private static int SkipLiteralString(ReadOnlySpan<byte> content, int i)
    {
        var depth = 0;
        for (; i < content.Length; i++)
        {
            switch (content[i])
            {
                case (byte)'\\':
                    i++;
                    break;
                case (byte)'(':
                    depth++;
                    break;
                case (byte)')':
                    if (--depth == 0)
                        return i + 1;
                    break;
            }
        }
        return content.Length;
    }

    // Inline image data is binary and may hold anything; it ends at "EI" between white space.
    private static int SkipInlineImage(ReadOnlySpan<byte> content, int i)
    {
        var data = content[i..].IndexOf("ID"u8);
        if (data < 0)
            return content.Length;
        for (var j = i + data + 3; j + 1 < content.Length; j++)
        {
            if (content[j] == 'E' && content[j + 1] == 'I' && PdfWhiteSpace.Is(content[j - 1]) &&
                (j + 2 == content.Length || PdfWhiteSpace.Is(content[j + 2])))
                return j + 2;
        }
        return content.Length;
    }

    private static bool IsTextShowing(ReadOnlySpan<byte> word) =>
        word.SequenceEqual("Tj"u8) || word.SequenceEqual("TJ"u8) || word.SequenceEqual("'"u8) || word.SequenceEqual("\""u8);

    private static bool IsNumber(ReadOnlySpan<byte> word)
    {
        foreach (var b in word)
            if (b is not ((>= (byte)'0' and <= (byte)'9') or (byte)'.' or (byte)'-' or (byte)'+'))
                return false;
        return true;
    }

    private static bool IsRegular(byte c) => !PdfWhiteSpace.Is(c) && c is not ((byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or
        (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%');
}
