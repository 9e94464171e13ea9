namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Finds, in a PDF's raw bytes, objects whose whole value is a reference to another object, and whether following
/// them loops (<c>5 0 obj 6 0 R endobj 6 0 obj 5 0 R endobj</c>). PdfPig follows such chains by recursion already
/// while it opens the file (its page tree), before any of our code runs, so a loop there overflowed the stack; such a
/// file is not handed to PdfPig at all.
/// </summary>
/// <remarks>
/// <para>Only objects written in the open are seen: a chain packed in an object stream is left to the parse worker's
/// isolation.</para>
/// <para>One pass over the bytes, in time linear in their length whatever they hold. It replaced a regular expression
/// whose alternation of white space and comments backtracked exponentially on a line of <c>%</c> signs: a real
/// phishing PDF of 190 KB ran it into its 2 s timeout, after which the check gave up and let the file through.</para>
/// </remarks>
internal static class PdfReferenceChains
{
    /// <summary>Reference-only objects followed in a row at most: writers chain one or two; PdfPig's recursion
    /// overflows somewhere in the tens of thousands, so a long chain without a loop kills as surely as a loop.</summary>
    internal const int MaxChain = 32;

    /// <summary>Why the file must not be handed to PdfPig (a loop, or a chain longer than <see cref="MaxChain"/>),
    /// or null when its reference-only objects are harmless.</summary>
    public static string? Runaway(ReadOnlySpan<byte> pdf)
    {
        if (PdfReferenceOnlyObjects.Find(pdf) is not { } next)
            return $"its comments hold more than {PdfReferenceOnlyObjects.MaxPendingStarts:N0} places an object could start at once";

        // Chain lengths are remembered, so each object is walked once however the chains join.
        var length = new Dictionary<int, int>();
        foreach (var start in next.Keys)
        {
            var path = new List<int>();
            var onPath = new HashSet<int>();
            var at = start;
            var tail = 0;
            while (next.TryGetValue(at, out var to))
            {
                if (length.TryGetValue(at, out tail))
                    break;
                if (!onPath.Add(at))
                    return $"object {at} is on a loop of references (a reference cycle)";
                path.Add(at);
                at = to;
            }
            for (var i = path.Count - 1; i >= 0; i--)
                length[path[i]] = ++tail;
            if (tail > MaxChain)
                return $"object {start} starts a chain of {tail} references to references (more than {MaxChain})";
        }
        return null;
    }
}
