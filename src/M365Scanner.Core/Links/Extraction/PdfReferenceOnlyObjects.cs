namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Reads the objects of a PDF written in the open whose whole value is a reference (<c>5 0 obj 6 0 R endobj</c>), in one
/// pass over the raw bytes with a lexer of PDF's tokens (numbers, keywords, white space, comments), in time linear in
/// the bytes whatever they hold.
/// </summary>
/// <remarks>
/// A reader sent by the cross-reference table to an offset inside a comment line lexes from there, so what follows each
/// <c>%</c> of a comment line is also lexed as if a reader started there, and continued with the tokens after the line.
/// Streams and strings are lexed like the rest: a pattern found inside one only makes the check more cautious.
/// </remarks>
internal static class PdfReferenceOnlyObjects
{
    /// <summary>Places a reader could start inside comments, waiting at once for the tokens after their line: a file
    /// needs more only when built to (a line of "%5%5%5..." is one each), and each costs a window of tokens.</summary>
    internal const int MaxPendingStarts = 1 << 16;

    /// <summary>Each reference-only object's number and the number of the object it refers to, in the order found; or
    /// null when more than <see cref="MaxPendingStarts"/> places inside comments wait at once.</summary>
    public static Dictionary<int, int>? Find(ReadOnlySpan<byte> pdf) =>
        AnyEndobjAfterAReference(pdf) ? FindByLexing(pdf) : [];

    /// <summary>As <see cref="Find"/>, lexing the whole file without first asking whether it could hold any.</summary>
    internal static Dictionary<int, int>? FindByLexing(ReadOnlySpan<byte> pdf)
    {
        var found = new Dictionary<int, int>();
        var main = new Window();
        var fromComments = new List<Window>();
        var i = 0;
        while (i < pdf.Length)
        {
            var b = pdf[i];
            if (PdfWhiteSpace.Is(b))
            {
                i++;
                continue;
            }
            if (b == (byte)'%')
            {
                var end = EndOfLine(pdf, i);
                if (!StartInComment(pdf[(i + 1)..end], fromComments, found))
                    return null;
                i = end;
                continue;
            }
            i = Lex(pdf, i, out var first, out var second);
            Push(main, first, second, found);
            if (fromComments.Count == 0)
                continue;
            foreach (var window in fromComments)
                Push(window, first, second, found);
            // After a pattern's length in tokens, a window started in a comment holds what the main one holds.
            fromComments.RemoveAll(w => w.Received >= Window.Size);
        }
        return found;
    }

    // Most files have no reference-only object: every "endobj" follows ">>", "]", "endstream" or a number. Only a file
    // where some "endobj" may follow an "R" in some reader's tokens is lexed. Linear: the lines walked back from one
    // "endobj" that starts its line end at the previous such "endobj", whose line does not start with a comment.
    internal static bool AnyEndobjAfterAReference(ReadOnlySpan<byte> pdf)
    {
        for (var from = 0; pdf[from..].IndexOf("endobj"u8) is var found and >= 0; from += found + "endobj".Length)
        {
            var before = pdf[..(from + found)];
            var last = before.LastIndexOfAnyExcept(PdfWhiteSpace.Set);
            if (last < 0)
                continue;
            if (before[last] == (byte)'R')
                return true;
            // Without a line end in between, "endobj" is on the line of the token before it: not an "R", so no reader
            // (the main one, or one started inside a comment of that line) has an "R" just before it.
            if (before[(last + 1)..].IndexOfAny((byte)'\r', (byte)'\n') >= 0 && LinesBeforeMayEndInR(before[..(last + 1)]))
                return true;
        }
        return false;
    }

    // Whether some reader's last token before the end of text may be an "R", where text ends with a line's last
    // non-white byte. A comment runs to the end of its line, so the last token of every reader there is the last of one
    // run between the line's % signs (the part before the first is the main reader's; each other run is where a reader
    // sent inside the comment would read). When that first part is blank, the main reader's last token is on an
    // earlier line, which is read the same way.
    private static bool LinesBeforeMayEndInR(ReadOnlySpan<byte> text)
    {
        while (true)
        {
            var lineStart = text.LastIndexOfAny((byte)'\r', (byte)'\n') + 1;
            var line = text[lineStart..];
            var mainPartBlank = true;
            for (var run = 0; ; run++)
            {
                var percent = line.IndexOf((byte)'%');
                var part = percent < 0 ? line : line[..percent];
                var lastToken = part.LastIndexOfAnyExcept(PdfWhiteSpace.Set);
                if (lastToken >= 0 && part[lastToken] == (byte)'R')
                    return true;
                if (run == 0)
                    mainPartBlank = lastToken < 0;
                if (percent < 0)
                    break;
                line = line[(percent + 1)..];
            }
            if (!mainPartBlank)
                return false;
            var earlier = text[..lineStart].LastIndexOfAnyExcept(PdfWhiteSpace.Set);
            if (earlier < 0)
                return false;
            text = text[..(earlier + 1)];
        }
    }

    // Each run between two % signs of a comment line is where a reader could start; it reads to the next %, which to it
    // starts a comment that ends the line. False when that makes more than MaxPendingStarts wait at once.
    private static bool StartInComment(ReadOnlySpan<byte> line, List<Window> fromComments, Dictionary<int, int> found)
    {
        Window? window = null;
        while (true)
        {
            var percent = line.IndexOf((byte)'%');
            var run = percent < 0 ? line : line[..percent];
            window ??= new Window();
            window.Clear();
            var j = 0;
            while (j < run.Length)
            {
                if (PdfWhiteSpace.Is(run[j]))
                {
                    j++;
                    continue;
                }
                j = Lex(run, j, out var first, out var second);
                Push(window, first, second, found);
            }
            // Kept only when the tokens after the line could complete a pattern its last tokens begin (binary stream
            // data is full of % signs, and almost none of its runs end that way).
            if (window.EndsInAPatternPrefix)
            {
                window.Received = 0;
                fromComments.Add(window);
                window = null;
                if (fromComments.Count > MaxPendingStarts)
                    return false;
            }
            if (percent < 0)
                return true;
            line = line[(percent + 1)..];
        }
    }

    private static void Push(Window window, Token first, Token? second, Dictionary<int, int> found)
    {
        window.Push(first, found);
        if (second is { } then)
            window.Push(then, found);
    }

    // One token from pdf[at] (not white space, not %); returns where the next starts. "Rendobj" is two tokens: a reference
    // may run straight into the keyword that closes its object.
    private static int Lex(ReadOnlySpan<byte> pdf, int at, out Token first, out Token? second)
    {
        second = null;
        var end = at;
        if (IsDigit(pdf[at]) || pdf[at] == (byte)'+' && at + 1 < pdf.Length && IsDigit(pdf[at + 1]))
        {
            // PdfPig reads "+5", "0000000005" and "5.0" as the number 5, and takes a reference's numbers whole or by
            // their integer part, so only the significant digits before a point count.
            if (pdf[end] == (byte)'+')
                end++;
            long value = 0;
            var significant = 0;
            for (; end < pdf.Length && IsDigit(pdf[end]); end++)
            {
                if (significant == 0 && pdf[end] == (byte)'0')
                    continue;
                if (significant++ < MaxDigits)
                    value = value * 10 + (pdf[end] - '0');
            }
            if (end < pdf.Length && pdf[end] == (byte)'.')
            {
                var fraction = pdf[(end + 1)..].IndexOfAnyExceptInRange((byte)'0', (byte)'9');
                end = fraction < 0 ? pdf.Length : end + 1 + fraction;
            }
            first = significant <= MaxDigits ? new Token(TokenKind.Number, (int)value, significant) : Token.Other;
            return end;
        }
        if (IsLetter(pdf[at]))
        {
            while (end < pdf.Length && IsLetter(pdf[end]))
                end++;
            var word = pdf[at..end];
            if (word.SequenceEqual("Rendobj"u8))
            {
                first = Token.R;
                second = Token.EndObj;
                return end;
            }
            first = word.SequenceEqual("obj"u8) ? Token.Obj
                : word.SequenceEqual("R"u8) ? Token.R
                : word.SequenceEqual("endobj"u8) ? Token.EndObj
                : Token.Other;
            return end;
        }
        while (end < pdf.Length && !PdfWhiteSpace.Is(pdf[end]) && !IsDigit(pdf[end]) && !IsLetter(pdf[end]) && pdf[end] != (byte)'%')
            end++;
        first = Token.Other;
        return end;
    }

    // Object numbers of up to 9 significant digits, generations of up to 5, as writers use them.
    private const int MaxDigits = 9;
    private const int MaxGenerationDigits = 5;

    private static int EndOfLine(ReadOnlySpan<byte> pdf, int from)
    {
        var eol = pdf[from..].IndexOfAny((byte)'\r', (byte)'\n');
        return eol < 0 ? pdf.Length : from + eol;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static bool IsLetter(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z';

    private enum TokenKind { Other, Number, Obj, R, EndObj }

    private readonly record struct Token(TokenKind Kind, int Value = 0, int Digits = 0)
    {
        public static Token Other => new(TokenKind.Other);
        public static Token Obj => new(TokenKind.Obj);
        public static Token R => new(TokenKind.R);
        public static Token EndObj => new(TokenKind.EndObj);
    }

    /// <summary>The last tokens of one reader's stream: as many as precede <c>endobj</c> in the pattern
    /// <c>n g obj m g R endobj</c>.</summary>
    private sealed class Window
    {
        public const int Size = 6;
        private readonly Token[] ring = new Token[Size];
        private int count;

        /// <summary>Tokens received since the window was handed to the main stream.</summary>
        public int Received { get; set; }

        /// <summary>Whether its last tokens are the start of <c>n g obj m g R</c>: a number, two, two and obj, and so on.</summary>
        public bool EndsInAPatternPrefix
        {
            get
            {
                for (var length = Math.Min(count, Size); length > 0; length--)
                    if (LastTokensFit(length))
                        return true;
                return false;
            }
        }

        public void Clear()
        {
            count = 0;
            Received = 0;
        }

        public void Push(Token token, Dictionary<int, int> found)
        {
            if (token.Kind == TokenKind.EndObj && count >= Size && LastTokensFit(Size))
                found[At(0).Value] = At(3).Value; // a later revision of an object (an incremental update) wins
            ring[count % Size] = token;
            count++;
            Received++;
        }

        // Whether the last `length` tokens are the pattern's first `length`.
        private bool LastTokensFit(int length)
        {
            for (var k = 0; k < length; k++)
                if (!Fits(ring[(count - length + k) % Size], k))
                    return false;
            return true;
        }

        // The i-th of the last Size tokens, oldest first.
        private Token At(int i) => ring[(count - Size + i) % Size];

        private static bool IsGeneration(Token t) => t.Kind == TokenKind.Number && t.Digits <= MaxGenerationDigits;

        // Whether t can stand at position k of the pattern n g obj m g R.
        private static bool Fits(Token t, int k) => k switch
        {
            0 or 3 => t.Kind == TokenKind.Number,
            1 or 4 => IsGeneration(t),
            2 => t.Kind == TokenKind.Obj,
            _ => t.Kind == TokenKind.R,
        };
    }
}
