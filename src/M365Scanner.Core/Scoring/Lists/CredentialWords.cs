using System.Collections.Frozen;

namespace M365Scanner.Core.Scoring.Lists;

/// <summary>
/// Words that credential phishing puts in its URLs so the reader's glance finds what the lure promised ("verify
/// your account", "unlock your mailbox", "pay the invoice"), from the product's credential word lists.
/// </summary>
/// <remarks>
/// A word counts only as a whole token (between dots, hyphens, slashes, underscores, digits and the like) or as a
/// part of a token made of nothing but listed words ("securelogin", "accountverify"): "billingsgate", "mybilling"
/// or "contact" contain a listed word but are other words. Short words (<see cref="ShortWords"/>) are listed apart
/// only to say that a substring search would never do for them; under this rule both kinds match the same way.
/// </remarks>
public sealed class CredentialWords
{
    private const string Separators = "./-_?&=#:~+%!$@,;()[]'*0123456789";

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly string[] _phrases;   // words written with a separator inside ("sign-in"), matched as phrases
    private readonly int _longest;

    public CredentialWords(IReadOnlyList<string> words, IReadOnlyList<string> shortWords)
    {
        Words = words;
        ShortWords = shortWords;
        var all = words.Concat(shortWords).Where(w => w.Length > 0).Distinct().ToList();
        _phrases = [.. all.Where(w => w.AsSpan().ContainsAny(Separators))];
        var single = all.Where(w => !w.AsSpan().ContainsAny(Separators)).ToList();
        _words = single.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _longest = single.Count == 0 ? 0 : single.Max(w => w.Length);
    }

    /// <summary>Words matched inside other listed words when a token is made only of listed words.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Short or ambiguous words ("sso", "pin", "conta").</summary>
    public IReadOnlyList<string> ShortWords { get; }

    /// <summary>The distinct listed words in <paramref name="text"/> (lower case ASCII expected), in text order.</summary>
    public List<string> Find(ReadOnlySpan<char> text)
    {
        var found = new List<string>();
        if (text.IsEmpty)
            return found;
        foreach (var phrase in _phrases)
        {
            if (ContainsAsTokens(text, phrase))
                found.Add(phrase);
        }
        foreach (var range in text.SplitAny(Separators))
        {
            var token = text[range];
            if (token.Length >= 2)
                AddWordsOf(token, found);
        }
        return found;
    }

    // The token is one listed word, or splits completely into listed words ("securelogin" = "secure" + "login").
    private void AddWordsOf(ReadOnlySpan<char> token, List<string> found)
    {
        if (_words.TryGetValue(token, out var whole))
        {
            AddOnce(found, whole);
            return;
        }
        if (token.Length > 64)
            return;
        // cut[i] = where the last word of a split of token[..i] starts, or -1 when token[..i] cannot be split.
        Span<int> cut = stackalloc int[token.Length + 1];
        cut.Fill(-1);
        cut[0] = 0;
        for (var end = 1; end <= token.Length; end++)
        {
            for (var start = Math.Max(0, end - _longest); start < end && cut[end] < 0; start++)
            {
                if (cut[start] >= 0 && _words.Contains(token[start..end]))
                    cut[end] = start;
            }
        }
        if (cut[token.Length] < 0)
            return;
        var parts = new List<string>();
        for (var end = token.Length; end > 0; end = cut[end])
        {
            _words.TryGetValue(token[cut[end]..end], out var word);
            parts.Add(word!);
        }
        for (var i = parts.Count - 1; i >= 0; i--)
            AddOnce(found, parts[i]);
    }

    private static void AddOnce(List<string> found, string word)
    {
        if (!found.Contains(word))
            found.Add(word);
    }

    private static bool ContainsAsTokens(ReadOnlySpan<char> text, string phrase)
    {
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0;)
        {
            var end = at + phrase.Length;
            if ((at == 0 || Separators.Contains(text[at - 1])) && (end == text.Length || Separators.Contains(text[end])))
                return true;
            var next = text[(at + 1)..].IndexOf(phrase, StringComparison.Ordinal);
            at = next < 0 ? -1 : at + 1 + next;
        }
        return false;
    }
}
