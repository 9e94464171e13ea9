using System.Net;
using System.Text;
using M365Scanner.Core.Links.Normalization;

namespace M365Scanner.Core.Links.Unwrapping;

/// <summary>
/// Proofpoint URL Defense rewrites, all three versions:
/// <list type="bullet">
/// <item>v1: <c>urldefense.proofpoint.com/v1/url?u=&lt;url-encoded&gt;&amp;k=...</c></item>
/// <item>v2: <c>urldefense.proofpoint.com/v2/url?u=&lt;encoded&gt;&amp;d=...</c>, where '-' stands for '%' and
/// '_' for '/' before URL-decoding.</item>
/// <item>v3: <c>urldefense.com/v3/__&lt;url&gt;__;&lt;base64url&gt;!...</c>: characters Proofpoint would not keep in
/// the URL were replaced by '*' (one character) or "**" plus a length code (a run of 2 to 65 characters), and the
/// original characters travel, in order, UTF-8 then base64url-encoded, after "__;".</item>
/// </list>
/// </summary>
/// <remarks>Algorithm as in Proofpoint's published decoder script (URLDefenseDecode.py) and the open-source ports
/// of it. Every link on these hosts is a wrapper, so one that cannot be decoded is reported as opaque.</remarks>
public sealed class ProofpointUrlDefense : IUrlWrapper
{
    private static readonly string[] Hosts = ["urldefense.proofpoint.com", "urldefense.com"];

    // Run-length codes of v3: 'A' means a run of 2 characters, 'B' 3, ... '_' 65.
    private const string RunLengthCodes = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// <inheritdoc />
    public string Name => "proofpoint";

    /// <inheritdoc />
    public UnwrapStep? TryUnwrap(NormalizedUrl url)
    {
        if (!HostPattern.Matches(url.Host, Hosts))
            return null;
        string? inner;
        if (url.Path.StartsWith("/v1/", StringComparison.Ordinal))
            inner = DecodeV1(url.Query);
        else if (url.Path.StartsWith("/v2/", StringComparison.Ordinal))
            inner = DecodeV2(url.Query);
        else if (url.Path.StartsWith("/v3/__", StringComparison.Ordinal))
            inner = DecodeV3(url);
        else
            inner = null;
        return new UnwrapStep(Name, inner);
    }

    private static string? DecodeV1(string? query) =>
        QueryString.GetRaw(query, "u") is { Length: > 0 } raw
            ? WebUtility.HtmlDecode(PercentEncoding.Decode(raw, plusIsSpace: false))
            : null;

    private static string? DecodeV2(string? query)
    {
        if (QueryString.GetRaw(query, "u") is not { Length: > 0 } raw)
            return null;
        var urlEncoded = raw.Replace('-', '%').Replace('_', '/');
        return WebUtility.HtmlDecode(PercentEncoding.Decode(urlEncoded, plusIsSpace: false));
    }

    /// <summary>Decodes a v3 rewrite; internal for tests.</summary>
    internal static string? DecodeV3(NormalizedUrl url)
    {
        // The embedded URL may itself contain '?' and '#', which the normaliser split off: join them back.
        var raw = url.Path + (url.Query is null ? "" : "?" + url.Query) + (url.Fragment is null ? "" : "#" + url.Fragment);
        var body = raw.AsSpan("/v3/__".Length);

        ReadOnlySpan<char> embedded;
        ReadOnlySpan<char> encoded;
        var end = body.IndexOf("__;");
        if (end >= 0)
        {
            embedded = body[..end];
            encoded = body[(end + 3)..];
            var bang = encoded.IndexOf('!');
            if (bang >= 0)
                encoded = encoded[..bang];
        }
        else
        {
            // No replaced characters: "__<url>__!<signature>".
            end = body.IndexOf("__!");
            if (end < 0)
                return null;
            embedded = body[..end];
            encoded = ReadOnlySpan<char>.Empty;
        }

        var text = PercentEncoding.Decode(RestoreDoubleSlash(embedded), plusIsSpace: false);
        if (!TryDecodeReplacements(encoded, out var replacements))
            return null;
        return Substitute(text, replacements);
    }

    // Some clients collapse "https://" to "https:/" inside the rewritten path; put the slash back.
    private static string RestoreDoubleSlash(ReadOnlySpan<char> url)
    {
        var colon = url.IndexOf(":/");
        if (colon > 0 && colon + 2 < url.Length && url[colon + 2] != '/'
                && !url[..colon].ContainsAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-"))
            return string.Concat(url[..(colon + 2)], "/", url[(colon + 2)..]);
        return url.ToString();
    }

    // The replacement characters, one string per Unicode scalar (the decoder counts characters, not bytes or
    // UTF-16 units, so a "*" may stand for a 4-byte emoji).
    private static bool TryDecodeReplacements(ReadOnlySpan<char> base64Url, out List<string> characters)
    {
        characters = [];
        if (base64Url.IsEmpty)
            return true;
        if (base64Url.Length % 4 == 1 || base64Url.ContainsAnyExcept(RunLengthCodes))
            return false;
        var padded = new StringBuilder(base64Url.Length + 2);
        foreach (var c in base64Url)
            padded.Append(c switch { '-' => '+', '_' => '/', _ => c });
        padded.Append('=', (4 - base64Url.Length % 4) % 4);

        var bytes = new byte[base64Url.Length];
        if (!Convert.TryFromBase64String(padded.ToString(), bytes, out var written))
            return false;
        if (!System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(0, written)))
            return false;
        foreach (var rune in Encoding.UTF8.GetString(bytes, 0, written).EnumerateRunes())
            characters.Add(rune.ToString());
        return true;
    }

    private static string? Substitute(string text, List<string> replacements)
    {
        var builder = new StringBuilder(text.Length);
        var next = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '*')
            {
                builder.Append(text[i]);
                continue;
            }
            var count = 1;
            if (i + 2 < text.Length && text[i + 1] == '*')
            {
                var code = RunLengthCodes.IndexOf(text[i + 2]);
                if (code < 0)
                    return null;
                count = code + 2;
                i += 2;
            }
            if (next + count > replacements.Count)
                return null;
            for (var k = 0; k < count; k++)
                builder.Append(replacements[next++]);
        }
        return builder.ToString();
    }
}
