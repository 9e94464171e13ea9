using M365Scanner.Core.Links.Domains;

namespace M365Scanner.Core.Scoring.Lookalike;

/// <summary>
/// Decides whether one registrable domain imitates another: same skeleton once confusables are folded, a small
/// number of typing edits (Damerau-Levenshtein, scaled to the name's length), or the same name under another suffix.
/// Names shorter than five characters only match as confusables: "ibm" and "ibn" are both real.
/// </summary>
/// <remarks>Pure and allocation-light; thread-safe.</remarks>
public static class DomainLookalike
{
    /// <summary>Shortest name (registrable domain without its suffix) for which one typing edit counts.</summary>
    public const int MinLengthForOneEdit = 5;

    /// <summary>Shortest name for which two typing edits count.</summary>
    public const int MinLengthForTwoEdits = 10;

    /// <summary>Compares <paramref name="candidate"/> (a registrable domain, ASCII or Unicode, lower case) with
    /// <paramref name="imitated"/>; null when they are equal, unrelated, or either is empty.</summary>
    public static LookalikeMatch? Compare(string? candidate, string? imitated)
    {
        if (string.IsNullOrEmpty(candidate) || string.IsNullOrEmpty(imitated))
            return null;
        var unicodeCandidate = ToUnicode(candidate);
        var unicodeImitated = ToUnicode(imitated);
        if (unicodeCandidate == unicodeImitated)
            return null;

        var (candidateName, candidateSuffix) = Split(unicodeCandidate);
        var (imitatedName, imitatedSuffix) = Split(unicodeImitated);
        if (candidateName.Length == 0 || imitatedName.Length == 0)
            return null;
        var candidateSkeleton = Confusables.Skeleton(candidateName);
        var imitatedSkeleton = Confusables.Skeleton(imitatedName);

        if (candidateSuffix == imitatedSuffix)
        {
            if (candidateSkeleton == imitatedSkeleton)
                return new LookalikeMatch(candidate, imitated, LookalikeKind.Confusable, 0);
            var allowed = imitatedName.Length >= MinLengthForTwoEdits ? 2 : imitatedName.Length >= MinLengthForOneEdit ? 1 : 0;
            if (allowed == 0)
                return null;
            var distance = Math.Min(
                OptimalStringAlignment(candidateName, imitatedName, allowed),
                OptimalStringAlignment(candidateSkeleton, imitatedSkeleton, allowed));
            return distance <= allowed ? new LookalikeMatch(candidate, imitated, LookalikeKind.Typo, distance) : null;
        }

        // Another suffix: only the same name (or its confusable twin) counts, and only for names long enough to be
        // distinctive.
        if (imitatedName.Length >= 4 && candidateSkeleton == imitatedSkeleton)
            return new LookalikeMatch(candidate, imitated,
                candidateName == imitatedName ? LookalikeKind.OtherSuffix : LookalikeKind.Confusable, 0);
        return null;
    }

    /// <summary>Damerau-Levenshtein distance in its optimal-string-alignment form (insertions, deletions,
    /// substitutions and transpositions of neighbours), or <paramref name="max"/> + 1 as soon as it must exceed
    /// <paramref name="max"/>.</summary>
    public static int OptimalStringAlignment(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
            return max + 1;
        var width = b.Length + 1;
        Span<int> rows = a.Length < 64 && b.Length < 64 ? stackalloc int[3 * width] : new int[3 * width];
        var previous2 = rows[..width];
        var previous = rows.Slice(width, width);
        var current = rows.Slice(2 * width, width);
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > max)
                return max + 1;
            var recycled = previous2;
            previous2 = previous;
            previous = current;
            current = recycled;
        }
        return Math.Min(previous[b.Length], max + 1);
    }

    private static (string Name, string Suffix) Split(string domain)
    {
        var suffix = PublicSuffixList.Default.GetPublicSuffix(domain) ?? "";
        if (suffix.Length == 0 || suffix.Length >= domain.Length)
            return (domain, "");
        return (domain[..(domain.Length - suffix.Length - 1)], suffix);
    }

    private static readonly System.Globalization.IdnMapping Idn = new() { AllowUnassigned = true };

    private static string ToUnicode(string domain)
    {
        if (!domain.Contains("xn--", StringComparison.Ordinal))
            return domain;
        try
        {
            return Idn.GetUnicode(domain);
        }
        catch (ArgumentException)
        {
            return domain;
        }
    }
}
