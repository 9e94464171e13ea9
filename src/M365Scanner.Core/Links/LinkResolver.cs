using M365Scanner.Core.Links.Domains;
using M365Scanner.Core.Links.Normalization;
using M365Scanner.Core.Links.Unwrapping;

namespace M365Scanner.Core.Links;

/// <summary>
/// Turns a link as an extractor found it into a <see cref="Link"/>: normalised, gateway wrappers removed,
/// registrable domain known. The one entry point the pipeline needs between extraction and scoring.
/// </summary>
/// <remarks>Thread-safe; <see cref="Default"/> is meant to be shared.</remarks>
public sealed class LinkResolver
{
    private readonly PublicSuffixList _suffixes;
    private readonly LinkUnwrapper _unwrapper;

    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public LinkResolver(PublicSuffixList suffixes, LinkUnwrapper unwrapper)
    {
        ArgumentNullException.ThrowIfNull(suffixes);
        ArgumentNullException.ThrowIfNull(unwrapper);
        _suffixes = suffixes;
        _unwrapper = unwrapper;
    }

    /// <summary>The embedded Public Suffix List and <see cref="LinkUnwrapper.Default"/>.</summary>
    public static LinkResolver Default => LazyDefault.Value;

    private static readonly Lazy<LinkResolver> LazyDefault =
        new(() => new LinkResolver(PublicSuffixList.Default, LinkUnwrapper.Default));

    /// <summary>Resolves <paramref name="found"/>, or returns null when its URL is not a link a reader could
    /// follow (mailto:, cid:, tel:, relative URLs, fragments, malformed hosts or ports; see
    /// <see cref="UrlNormalizer.Normalize"/>).</summary>
    /// <remarks>
    /// Never throws for any URL string. A Mimecast-style wrapper whose destination is not in the URL gives a link
    /// whose <see cref="Link.Target"/> is the wrapper itself, with <see cref="Link.IsOpaqueWrapper"/> set.
    /// <see cref="Link.RegistrableDomain"/> is the host itself for IP hosts and for hosts that are a public suffix.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="found"/> is null.</exception>
    public Link? Resolve(FoundLink found)
    {
        ArgumentNullException.ThrowIfNull(found);
        if (UrlNormalizer.Normalize(found.Url) is not { } written)
            return null;

        var unwrapped = _unwrapper.Unwrap(written);
        var (target, wrappedBy, isOpaque) = unwrapped;
        return new Link
        {
            Url = found.Url,
            Target = target.Target,
            Kind = target.Kind,
            Host = target.Host,
            UnicodeHost = target.UnicodeHost,
            RegistrableDomain = RegistrableDomainOf(target),
            Port = target.Port,
            IsIpHost = target.IsIpHost,
            Origin = found.Origin,
            Text = found.Text,
            Source = found.Source,
            WrappedBy = wrappedBy,
            IsOpaqueWrapper = isOpaque,
            IsWrappedTooDeep = unwrapped.IsTooDeep,
        };
    }

    private string? RegistrableDomainOf(NormalizedUrl url)
    {
        if (url.Host is not { } host)
            return null;
        if (url.IsIpHost)
            return host;
        return _suffixes.GetRegistrableDomain(host) ?? host;
    }
}
