using System.Text;
using System.Text.RegularExpressions;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Finds, in a PDF's raw bytes, objects whose whole value is a reference to another object, and whether following
/// them loops (<c>5 0 obj 6 0 R endobj 6 0 obj 5 0 R endobj</c>). PdfPig follows such chains by recursion already
/// while it opens the file (its page tree), before any of our code runs, so a loop there overflowed the stack; such a
/// file is not handed to PdfPig at all.
/// </summary>
/// <remarks>Only objects written in the open are seen: a chain packed in an object stream is left to the parse
/// worker's isolation.</remarks>
internal static partial class PdfReferenceChains
{
    /// <summary>The first object found on a loop of reference-only objects, or null when there is none.</summary>
    public static int? FindLoop(ReadOnlySpan<byte> pdf)
    {
        var next = new Dictionary<int, int>();
        foreach (Match m in ReferenceOnlyObject().Matches(Encoding.Latin1.GetString(pdf)))
            next[int.Parse(m.Groups[1].ValueSpan)] = int.Parse(m.Groups[2].ValueSpan);

        var done = new HashSet<int>();
        foreach (var start in next.Keys)
        {
            var path = new HashSet<int>();
            for (var at = start; next.TryGetValue(at, out var to) && !done.Contains(at); at = to)
            {
                if (!path.Add(at))
                    return at;
            }
            done.UnionWith(path);
        }
        return null;
    }

    [GeneratedRegex(@"(?<![0-9])([0-9]{1,9})\s+[0-9]{1,5}\s+obj\s*([0-9]{1,9})\s+[0-9]{1,5}\s+R\s*endobj", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex ReferenceOnlyObject();
}
