using System.Globalization;
using M365Scanner.Core.Links.Extraction;

namespace M365Scanner.Core.Remediation;

/// <summary>
/// Finds a URL written as text (a text body, an HTML text run or attribute) by the rule
/// <see cref="TextLinkExtractor"/> used to report it, so a replacement never cuts into a longer URL
/// ("https://a.example/x" inside "https://a.example/x/y") and always covers the whole reported URL.
/// </summary>
internal static class TextUrlOccurrences
{
    // The characters that end a candidate URL run in TextLinkExtractor's pattern.
    private const string RunDelimiters = "<>\"'`{}|\\^\u00A0\u2028\u2029";

    // Character references that decode to a run delimiter: in raw HTML the run ends at them.
    private static readonly string[] DelimiterReferences =
        ["&nbsp;", "&#160;", "&#xa0;", "&lt;", "&gt;", "&quot;", "&#34;", "&#x22;", "&#39;", "&#x27;", "&apos;", "&#60;", "&#62;"];

    /// <summary>Adds an edit for every occurrence in <c>text[start..end)</c> of any of <paramref name="writtenForms"/>
    /// (the URL and, in HTML, its escaped spellings) that the text extractor would report as exactly
    /// <paramref name="url"/>.</summary>
    public static void Find(string text, int start, int end, string url, IReadOnlyCollection<string> writtenForms,
        bool html, string replacement, TextEdits edits)
    {
        var scheme = url.Contains("://", StringComparison.Ordinal);
        foreach (var form in writtenForms)
        {
            var at = start;
            while (at < end)
            {
                var found = text.IndexOf(form, at, end - at, StringComparison.Ordinal);
                if (found < 0)
                    break;
                at = found + 1;
                if (!StartsRun(text, start, found, scheme) || !EndsRun(text, found, form.Length, end, html))
                    continue;
                if (!edits.Overlaps(found, form.Length))
                    edits.Add(found, form.Length, replacement);
                at = found + form.Length;
            }
        }
    }

    // TextLinkExtractor anchors scheme URLs at a word boundary and www. hosts after anything but [\w.@/-].
    private static bool StartsRun(string text, int start, int found, bool scheme)
    {
        if (found == start)
            return true;
        var before = text[found - 1];
        return scheme ? !IsWordChar(before) : !IsWordChar(before) && before is not ('.' or '@' or '/' or '-');
    }

    // The run the extractor saw goes on to whitespace or a delimiter; it reported what remained after trimming
    // trailing punctuation, which must be exactly this occurrence.
    private static bool EndsRun(string text, int found, int length, int end, bool html)
    {
        var runEnd = found + length;
        while (runEnd < end && !IsDelimiter(text, runEnd, html))
            runEnd++;
        if (runEnd == found + length)
            return true;
        return TextLinkExtractor.TrimTrailing(text.AsSpan(found, runEnd - found)).Length == length;
    }

    private static bool IsDelimiter(string text, int at, bool html)
    {
        var c = text[at];
        if (char.IsWhiteSpace(c) || RunDelimiters.Contains(c))
            return true;
        if (!html || c != '&')
            return false;
        foreach (var reference in DelimiterReferences)
            if (text.AsSpan(at).StartsWith(reference, StringComparison.OrdinalIgnoreCase))
                return true;
        return false;
    }

    // \w as .NET regex reads it: letters, digits, marks and connector punctuation.
    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.ConnectorPunctuation
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
