using System.Globalization;

namespace M365Scanner.Core.Reference;

/// <summary>Reads the text of a list in its <see cref="ReferenceListFormat"/>. Pure: text in, entries out; a line
/// that is not an entry is counted and skipped, never thrown on, because refreshed copies are untrusted input.</summary>
public static class ReferenceListParser
{
    /// <summary>Longest entry accepted: a DNS name's limit, and plenty for a word or a host pattern with a path.</summary>
    public const int MaxEntryLength = 253;

    /// <summary>The entries of <paramref name="text"/> and the number of malformed lines skipped.</summary>
    public static (List<string> Entries, int Malformed) Parse(ReferenceListFormat format, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<string>();
        var malformed = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (line.IsEmpty || IsComment(format, line))
                continue;
            var entry = format switch
            {
                ReferenceListFormat.Ranks => RankedDomain(line),
                ReferenceListFormat.PublicSuffixes => SuffixRule(line),
                _ => Entry(line),
            };
            if (entry is null)
                malformed++;
            else if (seen.Add(entry))
                entries.Add(entry);
        }
        return (entries, malformed);
    }

    private static bool IsComment(ReferenceListFormat format, ReadOnlySpan<char> line) =>
        format == ReferenceListFormat.PublicSuffixes ? line.StartsWith("//") : line[0] == '#';

    private static string? Entry(ReadOnlySpan<char> line) => IsEntry(line) ? line.ToString().ToLowerInvariant() : null;

    // "12,example.com": the rank must be a positive number; entries keep the file's order, which is rank order.
    private static string? RankedDomain(ReadOnlySpan<char> line)
    {
        var comma = line.IndexOf(',');
        if (comma <= 0 || !int.TryParse(line[..comma], NumberStyles.None, CultureInfo.InvariantCulture, out var rank) || rank <= 0)
            return null;
        var domain = line[(comma + 1)..].Trim();
        return IsEntry(domain) && domain.Contains('.') && !domain.ContainsAny('*', '/') ? domain.ToString().ToLowerInvariant() : null;
    }

    // The format says a rule is the first white-space-free run of the line.
    private static string? SuffixRule(ReadOnlySpan<char> line)
    {
        var end = line.IndexOfAny(' ', '\t');
        var rule = end < 0 ? line : line[..end];
        return rule.Length <= MaxEntryLength && !rule.ContainsAny("\"<>,;'`\\") ? rule.ToString().ToLowerInvariant() : null;
    }

    private static bool IsEntry(ReadOnlySpan<char> entry)
    {
        if (entry.IsEmpty || entry.Length > MaxEntryLength)
            return false;
        foreach (var c in entry)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '<' or '>' or ',' or ';' or '\'' or '`' or '\\')
                return false;
        }
        return true;
    }
}
