using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace M365Scanner.GraphEmulator.Identity;

/// <summary>Issued authorization codes. A code is taken out on its first redemption, whatever the outcome, so it can
/// never be used twice; redeemed codes are remembered for the rest of their lifetime to answer a replay as Entra does.</summary>
internal sealed class AuthorizationCodes(TimeProvider time)
{
    /// <summary>Entra ID's codes live about ten minutes; shorter keeps a leaked code's window small.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, AuthorizationCode> _open = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _redeemed = new(StringComparer.Ordinal);

    public string Issue(string tenantId, string clientId, string redirectUri, string codeChallenge, string userId, string? nonce, string scope)
    {
        Sweep();
        var code = Base64Url(RandomNumberGenerator.GetBytes(32));
        _open[code] = new AuthorizationCode(tenantId, clientId, redirectUri, codeChallenge, userId, nonce, scope, time.GetUtcNow() + Lifetime);
        return code;
    }

    /// <summary>Takes the code out: the grant when it is open and unexpired, else why not.</summary>
    public (AuthorizationCode? Grant, CodeRefusal Refusal) Redeem(string code)
    {
        if (_open.TryRemove(code, out var grant))
        {
            _redeemed[code] = grant.ExpiresAt;
            return grant.ExpiresAt <= time.GetUtcNow() ? (null, CodeRefusal.Expired) : (grant, CodeRefusal.None);
        }
        return (null, _redeemed.ContainsKey(code) ? CodeRefusal.AlreadyRedeemed : CodeRefusal.Unknown);
    }

    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (code, grant) in _open)
            if (grant.ExpiresAt <= now) _open.TryRemove(code, out _);
        foreach (var (code, expires) in _redeemed)
            if (expires <= now) _redeemed.TryRemove(code, out _);
    }

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal enum CodeRefusal { None, Unknown, Expired, AlreadyRedeemed }
