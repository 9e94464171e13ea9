namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Where a script element's text ends, by the HTML5 tokenizer's script data states: at the first <c>&lt;/script</c>
/// followed by whitespace, '/' or '&gt;', except inside a <c>&lt;!--</c> escape that opened a nested
/// <c>&lt;script&gt;</c>, where a browser reads on to the escape's end.
/// </summary>
/// <remarks>One pass, each character looked at once or twice: linear in the script's length.</remarks>
internal static class HtmlScriptData
{
    private enum State
    {
        Normal,
        Escaped,         // after "<!--", until "-->"
        DoubleEscaped,   // after "<!--" then "<script", until "</script"
    }

    /// <summary>The index of the '&lt;' of the end tag that closes the script text starting at
    /// <paramref name="start"/>, or the length of <paramref name="html"/> when the script runs to the end.</summary>
    public static int End(ReadOnlySpan<char> html, int start)
    {
        var state = State.Normal;
        var dashes = 0; // consecutive '-' just read in the escaped states
        var i = start;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '-')
            {
                dashes++;
                i++;
                continue;
            }
            var afterDashes = dashes;
            dashes = 0;
            if (c == '>' && afterDashes >= 2 && state != State.Normal)
            {
                state = State.Normal;
                i++;
                continue;
            }
            if (c != '<')
            {
                i++;
                continue;
            }
            switch (state)
            {
                case State.Normal when At(html, i + 1, "!--"):
                    // "<!--" escapes, and its own dashes count towards "-->" ("<!-->" closes it at once).
                    state = State.Escaped;
                    dashes = 2;
                    i += 4;
                    continue;
                case State.Normal or State.Escaped when IsTag(html, i + 1, "/script"):
                    return i;
                case State.Escaped when IsTag(html, i + 1, "script"):
                    state = State.DoubleEscaped;
                    i += 7;
                    continue;
                case State.DoubleEscaped when IsTag(html, i + 1, "/script"):
                    state = State.Escaped;
                    i += 8;
                    continue;
            }
            i++;
        }
        return html.Length;
    }

    private static bool At(ReadOnlySpan<char> html, int i, string text) =>
        i + text.Length <= html.Length && html.Slice(i, text.Length).SequenceEqual(text);

    // The name (ASCII case-insensitive) followed by whitespace, '/' or '>'; at the end of the input it is no tag.
    private static bool IsTag(ReadOnlySpan<char> html, int i, string name) =>
        i + name.Length < html.Length &&
        System.Text.Ascii.EqualsIgnoreCase(html.Slice(i, name.Length), name) &&
        html[i + name.Length] is ' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>';
}
