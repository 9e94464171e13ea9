using System.Collections.Frozen;

namespace M365Scanner.Core.Scoring.Lists;

/// <summary>
/// Host patterns written as data, matched by walking the host's labels: "example.com" matches that host and every
/// host below it ("a.example.com"), "*.example.com" only hosts below it (except its "www." site), "forms.*" any host whose first label is
/// "forms". One hash probe per label, so a lookup costs a handful of probes whatever the list's size.
/// </summary>
internal sealed class HostSuffixSet
{
    private readonly FrozenDictionary<string, string> _orSelf;   // suffix -> pattern as written
    private readonly FrozenDictionary<string, string> _below;
    private readonly FrozenDictionary<string, string> _firstLabel;

    public HostSuffixSet(IEnumerable<string> patterns)
    {
        var orSelf = new Dictionary<string, string>(StringComparer.Ordinal);
        var below = new Dictionary<string, string>(StringComparer.Ordinal);
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in patterns)
        {
            var p = raw.Trim().ToLowerInvariant();
            if (p.StartsWith("*.", StringComparison.Ordinal))
                below[p[2..]] = p;
            else if (p.EndsWith(".*", StringComparison.Ordinal))
                first[p[..^2]] = p;
            else
                orSelf[p] = p;
        }
        _orSelf = orSelf.ToFrozenDictionary(StringComparer.Ordinal);
        _below = below.ToFrozenDictionary(StringComparer.Ordinal);
        _firstLabel = first.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The pattern that matches <paramref name="host"/> (lower case ASCII), or null.</summary>
    public string? Match(string? host)
    {
        if (string.IsNullOrEmpty(host))
            return null;
        if (_orSelf.TryGetValue(host, out var exact))
            return exact;
        var firstDot = host.IndexOf('.');
        if (firstDot > 0 && _firstLabel.TryGetValue(host[..firstDot], out var prefix))
            return prefix;
        for (var dot = firstDot; dot >= 0 && dot < host.Length - 1; dot = host.IndexOf('.', dot + 1))
        {
            var suffix = host[(dot + 1)..];
            if (_orSelf.TryGetValue(suffix, out var orSelf))
                return orSelf;
            // "*.weebly.com" means users' sites, not the provider's own "www.weebly.com".
            if (_below.TryGetValue(suffix, out var below) && !(dot == 3 && host.StartsWith("www.", StringComparison.Ordinal)))
                return below;
        }
        return null;
    }
}
