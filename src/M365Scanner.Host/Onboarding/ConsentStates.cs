using System.Security.Cryptography;
using System.Text;
using M365Scanner.Core.Operations;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Onboarding;

/// <summary>
/// The one-time <c>state</c> of the admin-consent round trip. /onboard issues a random state and a random browser
/// nonce; the state goes to Entra ID and back, the nonce stays in an HttpOnly cookie; the store keeps only their
/// hashes and the expiry. The callback takes the state out of the store (so it works once), then checks expiry and
/// that the cookie's nonce matches: a link with someone else's state, replayed, or finished in another browser is
/// refused. This is what stops an attacker from sending an admin to our callback with a consent of the attacker's.
/// </summary>
public sealed class ConsentStates(ITenantStore store, TimeProvider clock, IOptions<OnboardingOptions> options)
{
    /// <summary>The cookie holding the browser nonce, scoped to /onboard.</summary>
    public const string CookieName = "m365scanner-consent";

    /// <summary>Issues a state and the nonce its browser must bring back.</summary>
    public (string State, string BrowserNonce) Start()
    {
        var state = Random();
        var nonce = Random();
        var now = clock.GetUtcNow();
        store.AddPendingConsent(new PendingConsent(Hash(state), Hash(nonce), now + options.Value.StateLifetime), now);
        return (state, nonce);
    }

    /// <summary>Checks and uses up <paramref name="state"/>: whatever the answer, it cannot be used again.</summary>
    public ConsentStateCheck Redeem(string? state, string? browserNonce)
    {
        if (string.IsNullOrEmpty(state) || state.Length > 200)
            return ConsentStateCheck.Unknown;
        if (store.TakePendingConsent(Hash(state)) is not { } pending)
            return ConsentStateCheck.Unknown;
        if (clock.GetUtcNow() >= pending.ExpiresAt)
            return ConsentStateCheck.Expired;
        if (string.IsNullOrEmpty(browserNonce) || browserNonce.Length > 200
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(browserNonce)), Encoding.ASCII.GetBytes(pending.BrowserHash)))
            return ConsentStateCheck.WrongBrowser;
        return ConsentStateCheck.Valid;
    }

    private static string Random() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
