using M365Scanner.Core.Links.Normalization;

namespace M365Scanner.Core.Links.Unwrapping;

/// <summary>
/// Mimecast URL Protect rewrites: <c>https://protect-eu.mimecast.com/s/&lt;id&gt;</c> (also protect-us, protect2,
/// ...) and the newer <c>https://url.uk.m.mimecastprotect.com/s/&lt;id&gt;</c>. Always opaque.
/// </summary>
/// <remarks>
/// The id is a server-side key: the destination can only be had from Mimecast's API or by following the redirect,
/// and this code makes no network calls. Some forms add <c>?domain=example.com</c>; that names only the
/// destination's domain (unauthenticated, so an attacker can write any value there) and <see cref="Link"/> has no
/// place for a hint, so it is ignored: the link stays the wrapper URL with <see cref="Link.IsOpaqueWrapper"/> set.
/// </remarks>
public sealed class MimecastProtect : IUrlWrapper
{
    /// <inheritdoc />
    public string Name => "mimecast";

    /// <inheritdoc />
    public UnwrapStep? TryUnwrap(NormalizedUrl url)
    {
        if (url.Host is not { } host || !url.Path.StartsWith("/s/", StringComparison.Ordinal))
            return null;
        var isProtectHost =
            (host.EndsWith(".mimecast.com", StringComparison.Ordinal) && host.StartsWith("protect", StringComparison.Ordinal)
                && !host[..^".mimecast.com".Length].Contains('.'))
            || host.EndsWith(".mimecastprotect.com", StringComparison.Ordinal);
        return isProtectHost ? new UnwrapStep(Name, null) : null;
    }
}
