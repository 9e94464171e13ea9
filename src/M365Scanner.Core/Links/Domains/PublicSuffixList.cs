using System.Globalization;
using System.Text;
using M365Scanner.Core.Reference;

namespace M365Scanner.Core.Links.Domains;

/// <summary>
/// The Public Suffix List (https://publicsuffix.org): tells which part of a host name is a public suffix
/// ("co.uk", "github.io") and so which part is the registrable domain an owner controls ("example.co.uk").
/// </summary>
/// <remarks>
/// Implements the list's official algorithm: the longest matching rule wins, wildcard rules ("*.ck") match any one
/// label, exception rules ("!www.ck") override a wildcard and make the suffix one label shorter, and a host no rule
/// matches falls under the implicit "*" rule (its last label is the suffix). Both the ICANN and the PRIVATE sections
/// are used on purpose: "evil.github.io" is its own registrable domain, not "github.io".
/// Rules are kept in hash sets in both their Unicode and punycode forms, so lookups cost one hash probe per label
/// and accept either form of a host. Instances are immutable and thread-safe.
/// </remarks>
public sealed class PublicSuffixList
{
    private static readonly IdnMapping Idn = new() { AllowUnassigned = true };

    // Normal rules as written ("co.uk"); wildcard rules by their parent ("*.ck" -> "ck");
    // exception rules without the '!' ("!www.ck" -> "www.ck").
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _rules;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _wildcards;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _exceptions;

    private PublicSuffixList(HashSet<string> rules, HashSet<string> wildcards, HashSet<string> exceptions)
    {
        _rules = rules.GetAlternateLookup<ReadOnlySpan<char>>();
        _wildcards = wildcards.GetAlternateLookup<ReadOnlySpan<char>>();
        _exceptions = exceptions.GetAlternateLookup<ReadOnlySpan<char>>();
        RuleCount = rules.Count + wildcards.Count + exceptions.Count;
    }

    /// <summary>The list of the reference data in use (<see cref="ReferenceData.Current"/>): the copy shipped in
    /// <c>reference/publicsuffix</c> unless the host swapped in a refreshed one.</summary>
    public static PublicSuffixList Default => ReferenceData.Current.PublicSuffixes;

    /// <summary>Number of distinct rules held (Unicode and punycode forms of an IDN rule count separately).</summary>
    public int RuleCount { get; }

    /// <summary>Builds a list from text in the publicsuffix.org format (one rule per line, "//" comments).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static PublicSuffixList Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = new HashSet<string>(StringComparer.Ordinal);
        var wildcards = new HashSet<string>(StringComparer.Ordinal);
        var exceptions = new HashSet<string>(StringComparer.Ordinal);

        foreach (var rawLine in text.AsSpan().EnumerateLines())
        {
            var line = rawLine.Trim();
            if (line.IsEmpty || line.StartsWith("//"))
                continue;
            // The format says a rule is the first whitespace-free run of the line; the rest is ignored.
            var end = line.IndexOfAny(' ', '\t');
            var rule = (end < 0 ? line : line[..end]).ToString().ToLowerInvariant();

            var (set, name) = rule switch
            {
                ['!', .. var rest] => (exceptions, rest),
                ['*', '.', .. var rest] => (wildcards, rest),
                _ => (rules, rule),
            };
            set.Add(name);
            if (TryToAscii(name) is { } ascii)
                set.Add(ascii);
        }
        return new PublicSuffixList(rules, wildcards, exceptions);
    }

    /// <summary>
    /// The registrable domain of <paramref name="asciiHost"/>: its public suffix plus one more label
    /// ("www.example.co.uk" -> "example.co.uk"), lower case, without a trailing dot.
    /// </summary>
    /// <returns>Null when the host is null or empty, starts with a dot, has an empty label, or is itself a public
    /// suffix ("co.uk", "github.io", or any single label such as "localhost"). IP literals are not recognised as
    /// such: callers should not pass them.</returns>
    /// <remarks>Meant for the punycode form the resolver keeps, but a Unicode host works too (its result is then
    /// Unicode).</remarks>
    public string? GetRegistrableDomain(string? asciiHost)
    {
        if (!TryPrepare(asciiHost, out var host))
            return null;
        var suffixStart = FindSuffixStart(host);
        if (suffixStart == 0)
            return null; // the host is itself a public suffix
        var labelStart = host.LastIndexOf('.', suffixStart - 2) + 1;
        return host[labelStart..];
    }

    /// <summary>The public suffix of <paramref name="host"/> ("www.example.co.uk" -> "co.uk"), lower case.
    /// A host no rule matches gets its last label (the implicit "*" rule).</summary>
    /// <returns>Null for null, empty, leading-dot or empty-label hosts.</returns>
    public string? GetPublicSuffix(string? host)
    {
        if (!TryPrepare(host, out var prepared))
            return null;
        return prepared[FindSuffixStart(prepared)..];
    }

    /// <summary>True when <paramref name="suffix"/> ("com", "co.uk") is a rule of the list itself, not only a match
    /// of the implicit "*" rule: tells "paypal.com" from "Mr.Smith" in free text.</summary>
    public bool IsListed(string? suffix) =>
        !string.IsNullOrEmpty(suffix) && _rules.Contains(suffix.ToLowerInvariant().AsSpan());

    // Returns the index where the public suffix starts in host (0 when the whole host is a suffix).
    private int FindSuffixStart(string host)
    {
        var span = host.AsSpan();
        // Walk label starts from the longest candidate to the shortest: the first hit is the longest match.
        var start = 0;
        while (true)
        {
            var candidate = span[start..];
            var dot = candidate.IndexOf('.');
            var parent = dot < 0 ? ReadOnlySpan<char>.Empty : candidate[(dot + 1)..];

            // An exception rule ("!www.ck") wins over everything and leaves its parent as the suffix.
            if (_exceptions.Contains(candidate))
                return dot < 0 ? start : start + dot + 1;
            if (_rules.Contains(candidate) || (dot >= 0 && _wildcards.Contains(parent)))
                return start;
            if (dot < 0)
                return start; // implicit "*": the last label
            start += dot + 1;
        }
    }

    private static bool TryPrepare(string? host, out string prepared)
    {
        prepared = string.Empty;
        if (string.IsNullOrEmpty(host))
            return false;
        var lower = host.ToLowerInvariant();
        // A single trailing dot is the DNS root, not a label: "example.com." is "example.com".
        if (lower.EndsWith('.'))
            lower = lower[..^1];
        if (lower.Length == 0 || lower.StartsWith('.') || lower.Contains("..", StringComparison.Ordinal))
            return false;
        prepared = lower;
        return true;
    }

    private static string? TryToAscii(string name)
    {
        if (Ascii.IsValid(name))
            return null;
        try
        {
            return Idn.GetAscii(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
