using M365Scanner.Core.Links.Normalization;

namespace M365Scanner.Core.Links.Unwrapping;

/// <summary>
/// Google's AMP viewer, <c>https://www.google.com/amp/s/example.com/page</c>: the page is served from the host
/// written after "/amp/s/" (https) or "/amp/" (http), so that host is the link's destination.
/// </summary>
public sealed class GoogleAmpViewer : IUrlWrapper
{
    private static readonly string[] Hosts = ["www.google.com", "google.com"];

    /// <inheritdoc />
    public string Name => "google-amp";

    /// <inheritdoc />
    public UnwrapStep? TryUnwrap(NormalizedUrl url)
    {
        if (!HostPattern.Matches(url.Host, Hosts))
            return null;
        string scheme;
        string rest;
        if (url.Path.StartsWith("/amp/s/", StringComparison.OrdinalIgnoreCase))
            (scheme, rest) = ("https://", url.Path["/amp/s/".Length..]);
        else if (url.Path.StartsWith("/amp/", StringComparison.OrdinalIgnoreCase))
            (scheme, rest) = ("http://", url.Path["/amp/".Length..]);
        else
            return null;
        // "/amp/s/" followed by a host name: a dot before the first slash, nothing that could start another scheme.
        var slash = rest.IndexOf('/');
        var host = slash < 0 ? rest : rest[..slash];
        if (!host.Contains('.') || host.Contains(':') || host.Contains('@'))
            return null;
        var inner = scheme + rest + (url.Query is null ? "" : "?" + url.Query) + (url.Fragment is null ? "" : "#" + url.Fragment);
        return new UnwrapStep(Name, inner);
    }
}
