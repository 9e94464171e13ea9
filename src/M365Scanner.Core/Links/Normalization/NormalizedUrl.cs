namespace M365Scanner.Core.Links.Normalization;

/// <summary>
/// A URL in the normal form the scanner compares and reports: scheme and host lower case, host in punycode,
/// IP hosts as dotted quads, default port dropped; path, query and fragment as written (only characters that are
/// not allowed in a URL at all are percent-encoded).
/// </summary>
public sealed record NormalizedUrl
{
    /// <summary>The whole normal form: a valid absolute URL for <see cref="LinkKind.Web"/>; for data: and
    /// javascript: the text as written with the scheme lower-cased and control characters removed.</summary>
    public required string Target { get; init; }

    public required LinkKind Kind { get; init; }

    /// <summary>Lower-case scheme without the colon: "http", "https", "ftp", "data" or "javascript".</summary>
    public required string Scheme { get; init; }

    /// <summary>Lower-case ASCII host (punycode for IDNs, dotted quad for IPv4, "[...]" for IPv6);
    /// null for data: and javascript:.</summary>
    public string? Host { get; init; }

    /// <summary>The host in Unicode; equal to <see cref="Host"/> when it has no punycode label.</summary>
    public string? UnicodeHost { get; init; }

    /// <summary>The explicit port when it is not the scheme's default; null otherwise.</summary>
    public int? Port { get; init; }

    public bool IsIpHost { get; init; }

    /// <summary>User name and password written before the host ("paypal.com" in "http://paypal.com@evil.com/"),
    /// kept because it is part of the request and a classic disguise; null when there is none.</summary>
    public string? UserInfo { get; init; }

    /// <summary>The path, starting with "/" (never empty for web URLs); empty for data: and javascript:.</summary>
    public string Path { get; init; } = "";

    /// <summary>The query without its "?", as written; null when the URL has no "?".</summary>
    public string? Query { get; init; }

    /// <summary>The fragment without its "#", as written; null when the URL has no "#".</summary>
    public string? Fragment { get; init; }
}
