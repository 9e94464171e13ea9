using M365Scanner.Core.Links.Normalization;

namespace M365Scanner.Core.Links.Unwrapping;

/// <summary>
/// Cisco Secure Email (formerly IronPort) URL rewriting:
/// <c>https://secure-web.cisco.com/&lt;token&gt;/&lt;percent-encoded URL&gt;</c>. A gateway: a link on this host
/// without a decodable URL after its token is opaque.
/// </summary>
public sealed class CiscoSecureEmail : IUrlWrapper
{
    private static readonly string[] Hosts = ["secure-web.cisco.com"];

    /// <inheritdoc />
    public string Name => "cisco";

    /// <inheritdoc />
    public UnwrapStep? TryUnwrap(NormalizedUrl url)
    {
        if (!HostPattern.Matches(url.Host, Hosts))
            return null;
        var path = url.Path.AsSpan().TrimStart('/');
        var slash = path.IndexOf('/');
        if (slash <= 0)
            return new UnwrapStep(Name, null);
        // Everything after the token is the destination, escaped once; a '?' in the rewrite belongs to it as well.
        var rest = path[(slash + 1)..].ToString() + (url.Query is null ? "" : "?" + url.Query);
        var inner = PercentEncoding.Decode(rest, plusIsSpace: false);
        return new UnwrapStep(Name, QueryParameterWrapper.IsAbsoluteHttp(inner) ? inner : null);
    }
}
