using System.Text;

namespace M365Scanner.Core.Mail;

/// <summary>An upper bound on what MimeKit's parser would allocate and copy growing its header buffer, told from the
/// raw message in one pass before it is parsed.</summary>
/// <remarks>
/// <para>MimeKit (4.18) grows the buffer of the header field it is reading to the size it needs, rounded up to 64
/// bytes, at every line of the field (and at every 4 KiB block of a longer line), copying what it holds each time: a
/// field of N lines of 60 characters costs N times its own length. A 1.2 MB header folded so took 3 s and 12 GB of
/// allocation; 5 MB took 90 s.</para>
/// <para>Only header blocks are counted, since a body costs MimeKit nothing however its lines begin (a quoted-printable
/// HTML body of 8,815 indented lines is in the phishing corpus). A header block is wherever MimeKit could read one, or
/// more: the start of the message; after any line that begins with "--" (a boundary, if declared), in a body or among
/// headers; and after a block whose Content-Type names a message (message/rfc822, text/rfc822-headers) or, past a "--"
/// line, that has no Content-Type (a part of a multipart/digest is a message by default). Each block runs to the first
/// empty line. An adversarial review found each of these ways past an earlier version, and a line split where a
/// read block ends costing up to twice what was counted.</para>
/// </remarks>
internal static class HeaderCopyCost
{
    private const int ReadBlock = 4096;
    private const int BufferStep = 64;

    /// <summary>True when the header fields of <paramref name="mime"/> would make MimeKit allocate and copy more than
    /// <paramref name="limit"/> bytes growing its header buffer; counting stops there.</summary>
    public static bool Exceeds(ReadOnlySpan<byte> mime, long limit)
    {
        // A message this short cannot cost more: the buffer never outgrows the message by a step, and grows at most
        // once per step of it.
        if (((long)mime.Length + BufferStep) * (mime.Length / BufferStep + 1) <= limit)
            return false;
        var cost = new Cost(limit);
        var at = 0;
        var afterBoundary = false;
        while (at < mime.Length)
        {
            var (end, bodyIsMessage) = HeaderBlock(mime, at, afterBoundary, cost);
            if (cost.Exceeded)
                return true;
            at = end;
            if (bodyIsMessage)
            {
                afterBoundary = false;
                continue;
            }
            // The body, up to the next line that may be a boundary.
            var dashes = mime[at..].StartsWith("--"u8) ? 0 : mime[at..].IndexOf("\n--"u8);
            if (dashes < 0)
                return false;
            at = LineEnd(mime, at + dashes + (dashes == 0 ? 0 : 1));
            afterBoundary = true;
        }
        return false;
    }

    // Reads the header block at `at` to its empty line: where its body starts, and whether that body may be a message.
    private static (int End, bool BodyIsMessage) HeaderBlock(ReadOnlySpan<byte> mime, int at, bool afterBoundary, Cost cost)
    {
        bool inContentType = false, hasContentType = false, namesMessage = false;
        while (at < mime.Length)
        {
            var next = LineEnd(mime, at);
            var line = mime[at..next];
            if (line is [(byte)'\n'] or [(byte)'\r', (byte)'\n'] or [(byte)'\r'])
                return (next, namesMessage || (afterBoundary && !hasContentType));
            if (line[0] is not ((byte)' ' or (byte)'\t'))
            {
                cost.NewField();
                // A boundary ends a part's headers and starts the next part's, which may have no Content-Type; if it is
                // not one, the block goes on. Counted either way: the lines as header lines, the body as maybe a message.
                if (line.StartsWith("--"u8))
                {
                    afterBoundary = true;
                    hasContentType = false;
                }
                inContentType = IsContentType(line);
                hasContentType |= inContentType;
            }
            if (!cost.Append(line.Length))
                return (next, false);
            // message/rfc822, message/global...; text/rfc822-headers is read as a message's header block too.
            namesMessage |= inContentType && (ContainsIgnoreCase(line, "message"u8) || ContainsIgnoreCase(line, "rfc822"u8));
            at = next;
        }
        return (at, false);
    }

    // The field MimeKit takes for the Content-Type: that name exactly, then white space at most, then the colon.
    private static bool IsContentType(ReadOnlySpan<byte> line) =>
        line.Length > "content-type".Length &&
        Ascii.EqualsIgnoreCase(line[.."content-type".Length], "content-type"u8) &&
        line["content-type".Length..].TrimStart(" \t"u8) is [(byte)':', ..];

    // MimeKit's header buffer: 512 bytes in a new parser, kept from field to field, grown to the next multiple of 64
    // bytes whenever a piece of a line does not fit. A line is appended in pieces of the 4 KiB blocks MimeKit reads, and
    // where those blocks fall is not known here: each line that makes the buffer grow is counted as if a block ended
    // just past the buffer's end, one growth more than its pieces from its start. Each growth allocates the new buffer
    // and copies the old one into it; the new size is counted.
    private sealed class Cost(long limit)
    {
        private long capacity = 512;
        private long field;
        private long total;

        public bool Exceeded => total > limit;

        public void NewField() => field = 0;

        public bool Append(int lineLength)
        {
            if (lineLength > 0 && field + lineLength > capacity && !Grow(capacity + 1))
                return false;
            for (var left = lineLength; left > 0; left -= ReadBlock)
            {
                field += Math.Min(left, ReadBlock);
                if (field > capacity && !Grow(field))
                    return false;
            }
            return true;
        }

        private bool Grow(long needed)
        {
            capacity = (needed + BufferStep - 1) / BufferStep * BufferStep;
            total += capacity;
            return total <= limit;
        }
    }

    private static int LineEnd(ReadOnlySpan<byte> mime, int at)
    {
        var newline = mime[at..].IndexOf((byte)'\n');
        return newline < 0 ? mime.Length : at + newline + 1;
    }

    private static bool ContainsIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerCaseWord)
    {
        for (var i = text.IndexOfAny(lowerCaseWord[0], (byte)(lowerCaseWord[0] - 32)); i >= 0 && i + lowerCaseWord.Length <= text.Length;)
        {
            if (Ascii.EqualsIgnoreCase(text.Slice(i, lowerCaseWord.Length), lowerCaseWord))
                return true;
            var further = text[(i + 1)..].IndexOfAny(lowerCaseWord[0], (byte)(lowerCaseWord[0] - 32));
            i = further < 0 ? -1 : i + 1 + further;
        }
        return false;
    }
}
