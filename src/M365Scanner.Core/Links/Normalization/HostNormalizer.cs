using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace M365Scanner.Core.Links.Normalization;

/// <summary>Turns a host as written into its normal form, the way a browser would before it resolves it.</summary>
internal static class HostNormalizer
{
    /// <summary>Returns null when no browser would accept the host (so the URL leads nowhere).</summary>
    public static NormalHost? Normalize(ReadOnlySpan<char> written)
    {
        if (written.IsEmpty)
            return null;
        if (written[0] == '[')
            return NormalizeIpv6(written);

        // Browsers percent-decode the host ("%65vil.com" is evil.com) and apply IDNA mapping.
        var host = PercentEncoding.Decode(written.ToString(), plusIsSpace: false);
        host = MapLikeIdna(host);
        host = host.TrimEnd('.'); // "example.com." is the same host
        if (host.Length == 0)
            return null;

        if (Ipv4Parser.EndsInNumber(host))
            return Ipv4Parser.TryParse(host, out var quad) ? new NormalHost(quad, quad, IsIp: true) : null;

        var ascii = Ascii.IsValid(host) ? host : ToAscii(host);
        if (ascii is null || !IsValidDnsName(ascii))
            return null;
        return new NormalHost(ascii, ToUnicode(ascii), IsIp: false);
    }

    private static NormalHost? NormalizeIpv6(ReadOnlySpan<char> written)
    {
        // Zone ids ("fe80::1%eth0") are rejected by browsers; IPAddress would accept them.
        if (written.Length < 3 || written[^1] != ']' || written.Contains('%'))
            return null;
        if (!IPAddress.TryParse(written[1..^1], out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            return null;
        var text = $"[{address.ToString().ToLowerInvariant()}]";
        return new NormalHost(text, text, IsIp: true);
    }

    // What UTS #46 mapping does for the characters that matter in practice. The managed IDN code that runs under
    // InvariantGlobalization does not map them itself: full-width letters, the ideographic full stops, and
    // invisible characters that IDNA deletes (soft hyphen, zero-width space, BOM, variation selectors).
    private static string MapLikeIdna(string host)
    {
        var builder = new StringBuilder(host.Length);
        foreach (var c in host)
        {
            switch (c)
            {
                case '\u3002' or '\uFF0E' or '\uFF61':
                    builder.Append('.');
                    break;
                case >= '\uFF01' and <= '\uFF5E':
                    builder.Append((char)(c - 0xFEE0));
                    break;
                case '\u00AD' or '\u034F' or '\u200B' or '\u2060' or '\uFEFF' or (>= '\u180B' and <= '\u180D')
                    or (>= '\uFE00' and <= '\uFE0F'):
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
        var mapped = builder.ToString().ToLowerInvariant();
        return Ascii.IsValid(mapped) ? mapped : mapped.Normalize(NormalizationForm.FormC);
    }

    private static string? ToAscii(string host)
    {
        try
        {
            return new IdnMapping { AllowUnassigned = true }.GetAscii(host);
        }
        catch (ArgumentException)
        {
            return null; // invalid label (too long, empty, disallowed code point): the browser would fail too
        }
    }

    private static string ToUnicode(string ascii)
    {
        if (!ascii.Contains("xn--", StringComparison.Ordinal))
            return ascii;
        try
        {
            return new IdnMapping { AllowUnassigned = true }.GetUnicode(ascii);
        }
        catch (ArgumentException)
        {
            return ascii; // "xn--" label that is not valid punycode: show it as written
        }
    }

    // Letters, digits, '-', '_' (seen in real subdomains), labels of 1 to 63 characters, 253 in all: DNS cannot
    // resolve anything else, so such a "host" leads nowhere (and System.Uri rejects it).
    private static bool IsValidDnsName(string ascii)
    {
        if (ascii.Length > MaxHostLength)
            return false;
        var labelLength = 0;
        foreach (var c in ascii)
        {
            if (c == '.')
            {
                if (labelLength == 0)
                    return false;
                labelLength = 0;
            }
            else if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_')
            {
                if (++labelLength > MaxLabelLength)
                    return false;
            }
            else
            {
                return false;
            }
        }
        return true;
    }

    private const int MaxHostLength = 253;
    private const int MaxLabelLength = 63;
}
