namespace M365Scanner.Core.Mail;

/// <summary>Text made Unix as MimeKit's filter makes it: every CR before an LF, and a CR that ends the text, dropped;
/// a lone CR kept. Over the decoded chars, or over the bytes where the charset's line ends are bytes of their own
/// (<see cref="ByteLineEnds"/>); line by line with vectorised searches and block copies.</summary>
internal static class UnixLineEnds
{
    /// <summary>The index of the first CR from <paramref name="from"/> that is dropped, or -1.</summary>
    public static int NextDroppedCr<T>(ReadOnlySpan<T> text, int from, T cr, T lf) where T : IEquatable<T>
    {
        while (from < text.Length)
        {
            var at = text[from..].IndexOf(cr);
            if (at < 0)
                return -1;
            at += from;
            if (at + 1 == text.Length || text[at + 1].Equals(lf))
                return at;
            from = at + 1;
        }
        return -1;
    }

    /// <summary>How many CRs are dropped.</summary>
    public static int DroppedCrs<T>(ReadOnlySpan<T> text, T cr, T lf) where T : IEquatable<T>
    {
        var dropped = 0;
        for (var at = 0; NextDroppedCr(text, at, cr, lf) is var found and >= 0; at = found + 1)
            dropped++;
        return dropped;
    }

    /// <summary>Copies <paramref name="source"/> without its dropped CRs into <paramref name="target"/>, which may be
    /// the source itself; returns the length copied.</summary>
    public static int CopyWithout<T>(ReadOnlySpan<T> source, Span<T> target, T cr, T lf) where T : IEquatable<T>
    {
        var written = 0;
        var at = 0;
        for (int found; (found = NextDroppedCr(source, at, cr, lf)) >= 0; at = found + 1)
        {
            source[at..found].CopyTo(target[written..]);
            written += found - at;
        }
        source[at..].CopyTo(target[written..]);
        return written + source.Length - at;
    }
}
