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
/// <item>v3: <c>urldefense.com/v3/__&lt;url&gt;__;&lt;base64url&gt;!...</c> (also <c>urldefense.us</c>): characters
/// Proofpoint would not keep in the URL were replaced by '*' (one character) or "**" plus a length code (a run of 2
/// to 65 bytes of their UTF-8 form, so "**A" may stand for one accented letter), and the original characters
/// travel, in order, UTF-8 then base64url-encoded, after "__;".</item>
/// </list>
/// </summary>
/// <remarks>Algorithm as in Proofpoint's published decoder script (URLDefenseDecode.py), except that v3 run codes
/// count UTF-8 bytes, not characters: Proofpoint's script gets multi-byte replacements wrong, and the public
/// vectors of cardi/proofpoint-url-decoder show the byte count. Every link on these hosts is a wrapper, so one that
/// cannot be decoded is reported as opaque.</remarks>
public sealed class ProofpointUrlDefense : IUrlWrapper
{
    private static readonly string[] Hosts = ["urldefense.proofpoint.com", "urldefense.com", "urldefense.us"];

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

        // The embedded URL is kept as Proofpoint wrote it, escapes included ("%2F" must not become "/").
        return TryDecodeReplacements(encoded, out var replacements) ? Substitute(RestoreDoubleSlash(embedded), replacements) : null;
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

    // The replaced characters as UTF-8 bytes: a run code counts bytes, so "**A" may be one two-byte character.
    private static bool TryDecodeReplacements(ReadOnlySpan<char> base64Url, out byte[] bytes)
    {
        bytes = [];
        if (base64Url.IsEmpty)
            return true;
        if (base64Url.Length % 4 == 1 || base64Url.ContainsAnyExcept(RunLengthCodes))
            return false;
        var padded = new StringBuilder(base64Url.Length + 2);
        foreach (var c in base64Url)
            padded.Append(c switch { '-' => '+', '_' => '/', _ => c });
        padded.Append('=', (4 - base64Url.Length % 4) % 4);

        var buffer = new byte[base64Url.Length];
        if (!Convert.TryFromBase64String(padded.ToString(), buffer, out var written))
            return false;
        bytes = buffer[..written];
        return true;
    }

    // Builds the URL as UTF-8 bytes and decodes it once at the end, so a character whose bytes are split across
    // two runs ("**_**5": 65 then 59 bytes of two-byte letters) comes out whole. A lone '*' takes one character:
    // all of a multi-byte sequence when its byte starts one.
    private static string? Substitute(string text, byte[] replacements)
    {
        var output = new List<byte>(text.Length + replacements.Length);
        Span<byte> utf8 = stackalloc byte[4];
        var next = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '*')
            {
                if (System.Text.Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
                    return null;
                var written = rune.EncodeToUtf8(utf8);
                for (var b = 0; b < written; b++)
                    output.Add(utf8[b]);
                i += consumed - 1;
                continue;
            }
            int count;
            if (i + 2 < text.Length && text[i + 1] == '*')
            {
                var code = RunLengthCodes.IndexOf(text[i + 2]);
                if (code < 0)
                    return null;
                count = code + 2;
                i += 2;
            }
            else
                count = next < replacements.Length ? SequenceLength(replacements[next]) : 1;
            if (next + count > replacements.Length)
                return null;
            for (var k = 0; k < count; k++)
                output.Add(replacements[next++]);
        }
        var bytes = output.ToArray();
        return System.Text.Unicode.Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : null;
    }

    private static int SequenceLength(byte lead) => lead switch
    {
        >= 0xF0 => 4,
        >= 0xE0 => 3,
        >= 0xC0 => 2,
        _ => 1,
    };
}
