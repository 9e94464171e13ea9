using System.Text;
using System.Text.RegularExpressions;

namespace M365Scanner.Demo.Tests.ReadmeExamples;

/// <summary>
/// A README command line split as a POSIX shell would split it, for the little shell the README uses: words, single
/// quotes (literal), double quotes and bare words (with <c>$NAME</c> expanded), and a trailing <c># comment</c>.
/// Anything richer (pipes, subshells, redirections) is refused, so an example the test cannot run faithfully fails
/// instead of being run differently from how a user's shell would run it.
/// </summary>
public sealed partial record ShellWords(IReadOnlyList<string> Words, string Comment)
{
    public static ShellWords Split(string line, Func<string, string> variable)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                    words.Add(word.ToString());
                word.Clear();
                inWord = false;
                continue;
            }
            if (c == '#' && !inWord)
                return new ShellWords(words, line[(i + 1)..].Trim());
            if (c is '|' or ';' or '&' or '<' or '>' or '`' or '(' or ')')
                throw new FormatException($"the README example uses shell syntax this test does not run ('{c}'): {line}");
            inWord = true;
            if (c == '\'')
            {
                var end = line.IndexOf('\'', i + 1);
                if (end < 0)
                    throw new FormatException($"unclosed single quote: {line}");
                word.Append(line, i + 1, end - i - 1);
                i = end;
            }
            else if (c == '"')
            {
                var end = line.IndexOf('"', i + 1);
                if (end < 0)
                    throw new FormatException($"unclosed double quote: {line}");
                word.Append(Expand(line[(i + 1)..end], variable));
                i = end;
            }
            else if (c == '$')
            {
                var name = Name().Match(line, i + 1);
                if (!name.Success || name.Index != i + 1)
                    throw new FormatException($"a '$' that names no variable: {line}");
                word.Append(variable(name.Value));
                i += name.Length;
            }
            else
                word.Append(c);
        }
        if (inWord)
            words.Add(word.ToString());
        return new ShellWords(words, "");
    }

    private static string Expand(string quoted, Func<string, string> variable) =>
        Variable().Replace(quoted, m => variable(m.Groups[1].Value));

    [GeneratedRegex("[A-Z_][A-Z0-9_]*")]
    private static partial Regex Name();

    [GeneratedRegex(@"\$([A-Z_][A-Z0-9_]*)")]
    private static partial Regex Variable();
}
