using M365Scanner.Core.Links.Normalization;

namespace M365Scanner.Core.Links.Unwrapping;

/// <summary>
/// Bing's click redirector, <c>https://www.bing.com/ck/a?...&amp;u=a1&lt;base64url of the URL&gt;&amp;ntb=1</c>,
/// which search results and shared links carry. An open redirector, not a gateway: unwrapped only when "u" decodes
/// to an absolute http(s) URL.
/// </summary>
public sealed class BingClickRedirect : IUrlWrapper
{
    private static readonly string[] Hosts = ["www.bing.com", "bing.com", "cn.bing.com"];

    /// <inheritdoc />
    public string Name => "bing";

    /// <inheritdoc />
    public UnwrapStep? TryUnwrap(NormalizedUrl url)
    {
        if (!HostPattern.Matches(url.Host, Hosts) || !url.Path.Equals("/ck/a", StringComparison.OrdinalIgnoreCase))
            return null;
        if (QueryString.GetRaw(url.Query, "u") is not { } raw)
            return null;
        var value = PercentEncoding.Decode(raw, plusIsSpace: false);
        // "a1" names the encoding (base64url); other prefixes are not known to carry a URL.
        if (!value.StartsWith("a1", StringComparison.Ordinal) || Base64Url.DecodeText(value[2..]) is not { } inner)
            return null;
        return QueryParameterWrapper.IsAbsoluteHttp(inner) ? new UnwrapStep(Name, inner) : null;
    }
}
