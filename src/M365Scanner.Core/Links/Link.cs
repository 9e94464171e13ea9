namespace M365Scanner.Core.Links;

/// <summary>
/// A link a reader could follow, resolved: gateway wrappers removed, host normalised, registrable domain known.
/// This is what scoring judges and what remediation rewrites (by <see cref="Url"/>, the text as written).
/// </summary>
public sealed record Link
{
    /// <summary>The URL exactly as written in the message (what a rewrite must find and replace).</summary>
    public required string Url { get; init; }

    /// <summary>The true destination: <see cref="Url"/> with every known gateway wrapper removed and normalised
    /// (scheme and host lower case, punycode host, default port dropped). Equal to <see cref="Url"/>'s normal form
    /// when it was not wrapped.</summary>
    public required string Target { get; init; }

    public required LinkKind Kind { get; init; }

    /// <summary>Host of <see cref="Target"/>, lower case ASCII (punycode for IDNs); null for data:/javascript:.</summary>
    public string? Host { get; init; }

    /// <summary>The host in Unicode (for lookalike checks); equal to <see cref="Host"/> when it is plain ASCII.</summary>
    public string? UnicodeHost { get; init; }

    /// <summary>The registrable domain of <see cref="Host"/> under the Public Suffix List ("example.co.uk");
    /// the host itself for IP literals and hosts that are a public suffix or have no known suffix.</summary>
    public string? RegistrableDomain { get; init; }

    /// <summary>The explicit port when it is not the scheme's default; null otherwise.</summary>
    public int? Port { get; init; }

    public bool IsIpHost { get; init; }

    /// <summary>Where the link was found ("body", "attachment:a.pdf/page 1"); see <see cref="LinkOrigin"/>.</summary>
    public required string Origin { get; init; }

    /// <summary>The visible text shown for the link, when there is one.</summary>
    public string? Text { get; init; }

    public required LinkSource Source { get; init; }

    /// <summary>The gateways that had wrapped this link, outermost first ("safelinks", "proofpoint", ...); empty when none.</summary>
    public IReadOnlyList<string> WrappedBy { get; init; } = [];

    /// <summary>True when a gateway wrapper was recognised but its destination cannot be recovered from the URL
    /// (e.g. Mimecast's opaque form); <see cref="Target"/> is then the wrapper URL itself.</summary>
    public bool IsOpaqueWrapper { get; init; }

    /// <summary>Wrapped in more layers than are unwrapped: <see cref="Target"/> is still a wrapper, the destination
    /// unknown.</summary>
    public bool IsWrappedTooDeep { get; init; }
}
