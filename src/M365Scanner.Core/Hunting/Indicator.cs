using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Domains;
using M365Scanner.Core.Links.Normalization;

namespace M365Scanner.Core.Hunting;

/// <summary>
/// An indicator of compromise, normalised so that matching is a plain comparison: a domain in lower-case ASCII
/// (punycode for IDNs), a URL as its unwrapped normal target (what <see cref="LinkResolver"/> gives a link), a sender
/// address in lower case. Written as "kind:value" (<see cref="ToString"/>), the form the feed file and reports use.
/// </summary>
public sealed record Indicator
{
    private Indicator(IndicatorKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    public IndicatorKind Kind { get; }

    /// <summary>The normal form: "evil.example", "https://evil.example/login", "x@evil.example" or "@evil.example".</summary>
    public string Value { get; }

    /// <summary>A domain indicator. A public suffix alone ("com", "co.uk") is refused: it would match half the
    /// internet and quarantine every message that links anywhere under it.</summary>
    /// <exception cref="FormatException">Not a host name, or a public suffix.</exception>
    public static Indicator Domain(string text) => new(IndicatorKind.Domain, NormalDomain(text));

    /// <summary>A URL indicator. A Safe Links (or other known gateway) wrapped URL is unwrapped to its target first.</summary>
    /// <exception cref="FormatException">Not a followable absolute URL with a host.</exception>
    public static Indicator Url(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var link = LinkResolver.Default.Resolve(new FoundLink(text.Trim(), null, LinkSource.Text, "indicator"));
        if (link?.Host is null || link.IsOpaqueWrapper)
            throw new FormatException($"'{text}' is not a URL that can be matched (absolute, with a host, not an opaque wrapper)");
        return new Indicator(IndicatorKind.Url, link.Target);
    }

    /// <summary>A sender indicator: "name@domain" (that address) or "@domain" (anyone at the domain or a subdomain).</summary>
    /// <exception cref="FormatException">Not an address or "@domain".</exception>
    public static Indicator Sender(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim().ToLowerInvariant();
        var at = trimmed.LastIndexOf('@');
        if (at < 0 || trimmed.IndexOf('@') != at || trimmed.Any(c => char.IsWhiteSpace(c) || ":<>\"(),;[]/".Contains(c)))
            throw new FormatException($"'{text}' is not a sender address or @domain");
        var domain = NormalDomain(trimmed[(at + 1)..]);
        return new Indicator(IndicatorKind.Sender, trimmed[..at] + "@" + domain);
    }

    /// <summary>Parses "domain:x", "url:x" or "sender:x"; without a prefix, a value with "://" is a URL, one with
    /// "@" a sender, anything else a domain. Blank lines and "#" comments give false.</summary>
    public static bool TryParse(string? text, out Indicator? indicator)
    {
        indicator = null;
        var line = text?.Trim() ?? "";
        if (line.Length == 0 || line.StartsWith('#'))
            return false;
        try
        {
            indicator = Prefix(line, "domain:") is { } d ? Domain(d)
                : Prefix(line, "url:") is { } u ? Url(u)
                : Prefix(line, "sender:") is { } s ? Sender(s)
                : line.Contains("://", StringComparison.Ordinal) ? Url(line)
                : line.Contains('@') ? Sender(line)
                : Domain(line);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Parses like <see cref="TryParse"/>.</summary>
    /// <exception cref="FormatException">The text is not an indicator.</exception>
    public static Indicator Parse(string text) =>
        TryParse(text, out var indicator) ? indicator! : throw new FormatException($"'{text}' is not a domain, URL or sender indicator");

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Value}";

    private static string? Prefix(string line, string prefix) =>
        line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && !line.StartsWith(prefix + "//", StringComparison.OrdinalIgnoreCase)
            ? line[prefix.Length..].Trim() : null;

    private static string NormalDomain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim().TrimEnd('.');
        if (trimmed.Length == 0 || trimmed.IndexOfAny(['/', '@', ':', '?', '#', ' ']) >= 0)
            throw new FormatException($"'{text}' is not a domain");
        var normal = UrlNormalizer.Normalize("http://" + trimmed + "/");
        if (normal?.Host is not { } host)
            throw new FormatException($"'{text}' is not a domain");
        if (!normal.IsIpHost && PublicSuffixList.Default.GetRegistrableDomain(host) is null)
            throw new FormatException($"'{text}' is a public suffix, not a domain anyone registered");
        return host;
    }
}
