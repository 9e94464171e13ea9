namespace M365Scanner.Core.Scoring.Lists;

/// <summary>
/// Hosting that phishing pages borrow, each entry with the <see cref="AbusedHostingKind"/> that says how much its
/// presence means. Built from named reference lists (<c>Reference/ReferenceData</c>): the product's graded lists
/// first, then Sublime Security's free subdomain hosts, social landing hosts, site builders and free file hosts.
/// Each entry also matches the hosts below it; "*.x" matches only hosts below x; "forms.*" matches any host whose
/// first label is "forms"; path entries ("docs.google.com/forms") need the path too.
/// </summary>
public sealed class AbusedHosting
{
    private readonly (HostSuffixSet Hosts, (string Host, string Path)[] Paths, AbusedHostingKind Kind)[] _sets;

    /// <param name="groups">The entries of each kind, in the order they are tried: the first group that matches
    /// names the kind.</param>
    public AbusedHosting(IEnumerable<(AbusedHostingKind Kind, IReadOnlyList<string> Entries)> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        _sets = [.. groups.Select(g => Build(g.Entries, g.Kind))];
    }

    /// <summary>The kind <paramref name="host"/> (with <paramref name="path"/>) belongs to and the entry that
    /// matched; null when none. A path starting with "/ipfs/" or "/ipns/" on any host is an IPFS gateway.</summary>
    public (AbusedHostingKind Kind, string Entry)? Match(string? host, string? path)
    {
        if (string.IsNullOrEmpty(host))
            return null;
        if (path is not null && (path.StartsWith("/ipfs/", StringComparison.OrdinalIgnoreCase)
                || path.StartsWith("/ipns/", StringComparison.OrdinalIgnoreCase)))
            return (AbusedHostingKind.FreeHosting, "/ipfs/ path");
        foreach (var (hosts, paths, kind) in _sets)
        {
            foreach (var (pathHost, pathPrefix) in paths)
            {
                if (host.Equals(pathHost, StringComparison.Ordinal) && path is not null
                        && path.StartsWith(pathPrefix, StringComparison.OrdinalIgnoreCase))
                    return (kind, pathHost + pathPrefix);
            }
            if (hosts.Match(host) is { } entry)
                return (kind, entry);
        }
        return null;
    }

    private static (HostSuffixSet, (string, string)[], AbusedHostingKind) Build(IReadOnlyList<string> entries, AbusedHostingKind kind)
    {
        var hosts = entries.Where(e => !e.Contains('/', StringComparison.Ordinal));
        var paths = entries.Where(e => e.IndexOf('/', StringComparison.Ordinal) > 0)
            .Select(e => (e[..e.IndexOf('/', StringComparison.Ordinal)], e[e.IndexOf('/', StringComparison.Ordinal)..]))
            .ToArray();
        return (new HostSuffixSet(hosts), paths, kind);
    }
}
