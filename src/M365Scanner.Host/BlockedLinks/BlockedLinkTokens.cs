using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.BlockedLinks;

/// <summary>
/// Issues and checks the tokens in blocked-link URLs (<c>/blocked/{token}</c>). A token is the message reference
/// plus an HMAC-SHA256, so the page shows reasons only for links we actually held and nobody can enumerate other
/// users' verdicts by editing the URL.
/// </summary>
public sealed class BlockedLinkTokens
{
    private readonly byte[] _key;
    private readonly string _baseUrl;

    public BlockedLinkTokens(IOptions<ScannerHostOptions> options, ILogger<BlockedLinkTokens> log)
    {
        var configured = options.Value.BlockedLinkSigningKey;
        if (string.IsNullOrWhiteSpace(configured))
        {
            log.LogWarning("No Scanner:BlockedLinkSigningKey configured: using a random key; blocked links issued before a restart will not show their reasons");
            _key = RandomNumberGenerator.GetBytes(32);
        }
        else
        {
            // Validated at start (ScannerHostOptions), so a key that reaches here decodes.
            SigningKeyFormat.TryDecode(configured, out _key);
        }
        _baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
    }

    /// <summary>The URL that replaces a held link in a rewritten message.</summary>
    public string UrlFor(BlockedLinkToken token) => $"{_baseUrl}/blocked/{Issue(token)}";

    public string Issue(BlockedLinkToken token)
    {
        // A whole message's token says so where a link's has its index: one signed layout, and no index a link could have.
        var payload = Encoding.UTF8.GetBytes(string.Join('\n', token.TenantId, token.Mailbox, token.MessageId,
            token.WholeMessage ? WholeMessage : token.LinkIndex.ToString(CultureInfo.InvariantCulture)));
        return $"{Base64Url(payload)}.{Base64Url(Sign(payload))}";
    }

    /// <summary>The token's content when its signature is genuine; null for anything forged or malformed.</summary>
    public BlockedLinkToken? Read(string token)
    {
        var dot = token.IndexOf('.');
        if (dot <= 0 || !TryDecode(token[..dot], out var payload) || !TryDecode(token[(dot + 1)..], out var signature))
            return null;
        if (!CryptographicOperations.FixedTimeEquals(Sign(payload), signature))
            return null;
        var parts = Encoding.UTF8.GetString(payload).Split('\n');
        if (parts.Length != 4)
            return null;
        if (parts[3] == WholeMessage)
            return BlockedLinkToken.ForMessage(parts[0], parts[1], parts[2]);
        return int.TryParse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index)
            ? new BlockedLinkToken(parts[0], parts[1], parts[2], index)
            : null;
    }

    private const string WholeMessage = "message";

    private byte[] Sign(byte[] payload) => HMACSHA256.HashData(_key, payload);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        bytes = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, bytes, out var written) && (bytes = bytes[..written]).Length > 0;
    }
}
