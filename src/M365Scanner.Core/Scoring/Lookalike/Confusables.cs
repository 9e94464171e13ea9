using System.Collections.Frozen;
using System.Text;

namespace M365Scanner.Core.Scoring.Lookalike;

/// <summary>
/// Folds a domain to its confusable skeleton: characters a reader cannot tell apart at a glance become one
/// (Cyrillic "а" and Latin "a", "0" and "o", "1", "l" and "i", "rn" and "m", "vv" and "w"), accents are dropped.
/// A small, hand-kept subset of Unicode's confusables.txt (UTS #39): the characters phishers actually use in
/// domains, not the thousands of pairs that never occur in a host name.
/// </summary>
public static class Confusables
{
    private static readonly FrozenDictionary<char, char> Map = new Dictionary<char, char>
    {
        // Cyrillic
        ['а'] = 'a', ['е'] = 'e', ['ё'] = 'e', ['о'] = 'o', ['р'] = 'p', ['с'] = 'c', ['х'] = 'x', ['у'] = 'y',
        ['і'] = 'l', ['ї'] = 'l', ['ј'] = 'j', ['ԁ'] = 'd', ['һ'] = 'h', ['ѕ'] = 's', ['ԛ'] = 'q', ['ԝ'] = 'w',
        ['к'] = 'k', ['в'] = 'b', ['н'] = 'h', ['т'] = 't', ['м'] = 'm', ['ɡ'] = 'g', ['ӏ'] = 'l', ['ь'] = 'b',
        // Greek
        ['α'] = 'a', ['ο'] = 'o', ['ν'] = 'v', ['ρ'] = 'p', ['ι'] = 'l', ['κ'] = 'k', ['τ'] = 't', ['υ'] = 'u',
        ['ε'] = 'e', ['χ'] = 'x', ['β'] = 'b', ['η'] = 'n', ['μ'] = 'u',
        // Latin look-alikes and accents
        ['ı'] = 'l', ['ł'] = 'l', ['ɩ'] = 'l', ['à'] = 'a', ['á'] = 'a', ['â'] = 'a', ['ã'] = 'a', ['ä'] = 'a',
        ['å'] = 'a', ['ā'] = 'a', ['ą'] = 'a', ['è'] = 'e', ['é'] = 'e', ['ê'] = 'e', ['ë'] = 'e', ['ē'] = 'e',
        ['ę'] = 'e', ['ė'] = 'e', ['ì'] = 'l', ['í'] = 'l', ['î'] = 'l', ['ï'] = 'l', ['ī'] = 'l', ['ò'] = 'o',
        ['ó'] = 'o', ['ô'] = 'o', ['õ'] = 'o', ['ö'] = 'o', ['ø'] = 'o', ['ō'] = 'o', ['ù'] = 'u', ['ú'] = 'u',
        ['û'] = 'u', ['ü'] = 'u', ['ū'] = 'u', ['ý'] = 'y', ['ÿ'] = 'y', ['ç'] = 'c', ['ć'] = 'c', ['č'] = 'c',
        ['ñ'] = 'n', ['ń'] = 'n', ['ś'] = 's', ['š'] = 's', ['ž'] = 'z', ['ź'] = 'z', ['ż'] = 'z', ['ğ'] = 'g',
        ['ş'] = 's', ['ţ'] = 't', ['ď'] = 'd', ['ř'] = 'r', ['ů'] = 'u', ['ő'] = 'o', ['ű'] = 'u',
        // ASCII
        ['0'] = 'o', ['1'] = 'l', ['i'] = 'l', ['|'] = 'l',
    }.ToFrozenDictionary();

    /// <summary>The skeleton of <paramref name="text"/> (expected lower case; Unicode or ASCII).</summary>
    public static string Skeleton(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(Map.TryGetValue(c, out var folded) ? folded : c);
        // Letter pairs that render as one letter; folded after the single characters so "rn" from Cyrillic also folds.
        return builder.Replace("rn", "m").Replace("vv", "w").ToString();
    }
}
