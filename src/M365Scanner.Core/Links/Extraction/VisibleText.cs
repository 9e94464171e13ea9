using System.Globalization;
using System.Text;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Turns markup text into the text a reader compares with a link target: whitespace runs (including no-break
/// spaces) become one space, the ends are trimmed, and invisible format characters (zero-width space and joiners,
/// soft hyphen) are removed, because phishing text splits "paypal.com" with them so it reads the same but no longer
/// compares equal.
/// </summary>
internal static class VisibleText
{
    /// <summary>Visible text kept per link: enough for any domain or sentence a reader compares with the target,
    /// and it bounds the work when one anchor wraps a whole page.</summary>
    public const int MaxChars = 1024;

    /// <summary>The collapsed text, cut to <see cref="MaxChars"/>; null when nothing visible is left.</summary>
    public static string? Collapse(string? text)
    {
        if (text is null)
            return null;
        var result = new StringBuilder(Math.Min(text.Length, MaxChars));
        var pendingSpace = false;
        Append(text, result, ref pendingSpace);
        return Finish(result);
    }

    /// <inheritdoc cref="Collapse(string?)"/>
    public static string? Collapse(StringBuilder text)
    {
        var result = new StringBuilder(Math.Min(text.Length, MaxChars));
        var pendingSpace = false;
        foreach (var chunk in text.GetChunks())
        {
            if (!Append(chunk.Span, result, ref pendingSpace))
                break;
        }
        return Finish(result);
    }

    // Returns false once the result is full, so a huge input is not read to its end.
    private static bool Append(ReadOnlySpan<char> text, StringBuilder result, ref bool pendingSpace)
    {
        foreach (var c in text)
        {
            if (result.Length >= MaxChars)
                return false;
            if (char.IsWhiteSpace(c))
                pendingSpace = result.Length > 0;
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                if (pendingSpace)
                    result.Append(' ');
                pendingSpace = false;
                result.Append(c);
            }
        }
        return true;
    }

    private static string? Finish(StringBuilder result)
    {
        if (result.Length > MaxChars)
            result.Length = MaxChars;
        return result.Length == 0 ? null : result.ToString();
    }
}
