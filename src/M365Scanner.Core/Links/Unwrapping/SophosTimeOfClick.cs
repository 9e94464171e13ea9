using M365Scanner.Core.Links.Normalization;

namespace M365Scanner.Core.Links.Unwrapping;

/// <summary>
/// Sophos Email time-of-click protection: <c>https://eu-west-1.protection.sophos.com/?d=example.com&amp;u=&lt;base64
/// of the URL&gt;&amp;i=...&amp;t=...&amp;h=...</c>. A gateway: a link on these hosts whose "u" does not decode to a
/// URL is opaque. "d" names only the destination's domain, like Mimecast's hint, and is not used.
/// </summary>
public sealed class SophosTimeOfClick : IUrlWrapper
{
    private static readonly string[] Hosts = ["*.protection.sophos.com"];

    /// <inheritdoc />
    public string Name => "sophos";

    /// <inheritdoc />
    public UnwrapStep? TryUnwrap(NormalizedUrl url)
    {
        if (!HostPattern.Matches(url.Host, Hosts))
            return null;
        var inner = QueryString.GetRaw(url.Query, "u") is { Length: > 0 } raw
            ? Base64Url.DecodeText(PercentEncoding.Decode(raw, plusIsSpace: false))
            : null;
        return new UnwrapStep(Name, inner is not null && QueryParameterWrapper.IsAbsoluteHttp(inner) ? inner : null);
    }
}
