namespace M365Scanner.Host.Security;

/// <summary>
/// The host names this host answers to. A browser tricked by DNS rebinding sends the attacker's own name as Host, so
/// answering only names we chose is what keeps a page of another site from reaching us through a name it controls.
/// Loopback names are always allowed: no browser sends them unless the page itself is on this machine, and local tools
/// (a container's health probe, curl) use them. Demo mode answers to loopback names only.
/// </summary>
public sealed class AllowedHostNames
{
    /// <summary>The names of this machine that need no configuration.</summary>
    public static readonly IReadOnlyList<string> Loopback = ["localhost", "127.0.0.1", "[::1]"];

    private readonly HashSet<string> _names;

    public AllowedHostNames(ScannerHostOptions options)
    {
        _names = new HashSet<string>(Loopback, StringComparer.OrdinalIgnoreCase);
        if (options.DemoMode)
            return;
        if (Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var publicUrl))
            _names.Add(NameOf(publicUrl));
        foreach (var name in options.AllowedHosts.Where(n => !string.IsNullOrWhiteSpace(n)))
            _names.Add(name.Trim().TrimEnd('.'));
    }

    public IReadOnlyCollection<string> Names => _names;

    /// <summary>Whether the request's Host names a host we serve (its port does not matter: ports are not names).</summary>
    public bool Allows(HostString host) => host.HasValue && _names.Contains(host.Host.TrimEnd('.'));

    /// <summary>Whether the Host header names this machine's loopback interface.</summary>
    public static bool IsLoopback(HostString host) =>
        host.HasValue && Loopback.Contains(host.Host.TrimEnd('.'), StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a URL names this machine by one of the <see cref="Loopback"/> names.</summary>
    public static bool IsLoopback(Uri url) => Loopback.Contains(NameOf(url), StringComparer.OrdinalIgnoreCase);

    // Uri.Host gives an IPv6 address in brackets, as the Host header does.
    private static string NameOf(Uri url) => url.Host.TrimEnd('.');
}
