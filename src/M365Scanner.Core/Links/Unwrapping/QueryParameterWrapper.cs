using M365Scanner.Core.Links.Normalization;

namespace M365Scanner.Core.Links.Unwrapping;

/// <summary>
/// A wrapper that carries its destination, URL-encoded, in one query parameter: Safe Links ("?url="), Barracuda
/// ("?a="), Google ("/url?q="), Facebook ("/l.php?u="), ... Instances are data; see <see cref="KnownWrappers"/>.
/// </summary>
/// <param name="Name">Name recorded in <see cref="Link.WrappedBy"/>.</param>
/// <param name="Hosts">Host patterns: "host" or "*.parent" (any host below parent).</param>
/// <param name="Path">The path the wrapper uses ("/url"), compared ignoring case; ending in '*', a path prefix
/// ("/wis/clicktime/*"); null for any path.</param>
/// <param name="Parameters">Parameter names that may hold the destination, tried in order.</param>
/// <param name="IsGateway">True for mail gateways, whose every link on these hosts is a wrapper: a missing or
/// undecodable destination then makes the link an opaque wrapper. False for open redirectors (Google, Facebook),
/// which are unwrapped only when the parameter holds an absolute http(s) URL; otherwise they are ordinary links.</param>
public sealed record QueryParameterWrapper(
    string Name, IReadOnlyList<string> Hosts, string? Path, IReadOnlyList<string> Parameters, bool IsGateway)
    : IUrlWrapper
{
    /// <inheritdoc />
    public UnwrapStep? TryUnwrap(NormalizedUrl url)
    {
        if (!HostPattern.Matches(url.Host, Hosts))
            return null;
        if (Path is not null && !PathMatches(url.Path))
            return null;

        string? inner = null;
        foreach (var parameter in Parameters)
        {
            if (QueryString.GetRaw(url.Query, parameter) is { Length: > 0 } raw)
            {
                inner = PercentEncoding.Decode(raw, plusIsSpace: true).Trim();
                break;
            }
        }

        if (IsGateway)
            return new UnwrapStep(Name, inner);
        return inner is not null && IsAbsoluteHttp(inner) ? new UnwrapStep(Name, inner) : null;
    }

    private bool PathMatches(string path) =>
        Path!.EndsWith('*')
            ? path.StartsWith(Path.AsSpan(0, Path.Length - 1), StringComparison.OrdinalIgnoreCase)
            : path.Equals(Path, StringComparison.OrdinalIgnoreCase) || path.Equals(Path + "/", StringComparison.OrdinalIgnoreCase);

    internal static bool IsAbsoluteHttp(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
