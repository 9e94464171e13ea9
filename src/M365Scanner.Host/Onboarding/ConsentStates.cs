using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using M365Scanner.Core.Onboarding;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Onboarding;

/// <summary>
/// The one-time <c>state</c> of the admin-consent round trip, bound to the tenant it was started for and to the
/// browser that started it. /onboard issues a random browser nonce (kept in an HttpOnly cookie) and a state that
/// carries, signed with a key of this installation: the tenant the admin named, the expiry, a random id and the
/// hash of the nonce. Nothing is stored when a state is issued, so anonymous calls to /onboard cost nothing durable.
/// The callback checks the signature, the expiry, that the state was not used before (<see cref="UsedConsentStates"/>)
/// and that the cookie's nonce matches: a state that is forged, expired, replayed or finished in another browser is
/// refused, and a valid one says which tenant the consent must come back for.
/// </summary>
public sealed class ConsentStates
{
    /// <summary>The cookie holding the browser nonce, scoped to /onboard.</summary>
    public const string CookieName = "m365scanner-consent";

    // A state holds a domain name of at most 253 characters plus fixed fields; anything longer is not ours.
    private const int MaxStateLength = 1024;

    private readonly byte[] _key;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lifetime;
    private readonly UsedConsentStates _used;

    public ConsentStates(IOptions<ScannerHostOptions> host, IOptions<OnboardingOptions> options, TimeProvider clock, UsedConsentStates used)
    {
        // Several hosts share Scanner:BlockedLinkSigningKey (it is required with PostgreSQL), so a consent started on
        // one host can come back to another. A key of its own is derived from it, so a blocked-link token can never
        // pass for a consent state or the other way round. Without it (one host), a random key per process.
        _key = !string.IsNullOrWhiteSpace(host.Value.BlockedLinkSigningKey)
               && SigningKeyFormat.TryDecode(host.Value.BlockedLinkSigningKey, out var shared)
            ? HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, info: "m365scanner/onboarding-state"u8.ToArray())
            : RandomNumberGenerator.GetBytes(32);
        _clock = clock;
        _lifetime = options.Value.StateLifetime;
        _used = used;
    }

    /// <summary>Issues a state for a consent of <paramref name="tenant"/> (see <see cref="ConsentTenant"/>) and the
    /// nonce its browser must bring back.</summary>
    public (string State, string BrowserNonce) Start(string tenant)
    {
        var nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var expires = (_clock.GetUtcNow() + _lifetime).ToUnixTimeSeconds();
        var payload = Encoding.UTF8.GetBytes(string.Join('\n', tenant, expires,
            Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)), Hash(nonce)));
        return ($"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(Sign(payload))}", nonce);
    }

    /// <summary>Checks and uses up <paramref name="state"/>: once genuine and unexpired, it cannot be used again,
    /// whatever the browser. <paramref name="tenant"/> is the tenant the flow was started for when the answer is
    /// <see cref="ConsentStateCheck.Valid"/>, else empty.</summary>
    public ConsentStateCheck Redeem(string? state, string? browserNonce, out string tenant)
    {
        tenant = "";
        if (Read(state) is not { } issued)
            return ConsentStateCheck.Unknown;
        var now = _clock.GetUtcNow();
        if (now >= issued.ExpiresAt)
            return ConsentStateCheck.Expired;
        if (!_used.TryUse(issued.Id, issued.ExpiresAt, now))
            return ConsentStateCheck.Unknown;
        if (string.IsNullOrEmpty(browserNonce) || browserNonce.Length > 200
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(browserNonce)), Encoding.ASCII.GetBytes(issued.BrowserHash)))
            return ConsentStateCheck.WrongBrowser;
        tenant = issued.Tenant;
        return ConsentStateCheck.Valid;
    }

    private Issued? Read(string? state)
    {
        if (string.IsNullOrEmpty(state) || state.Length > MaxStateLength || state.Split('.') is not [var payloadText, var signatureText])
            return null;
        if (!TryDecode(payloadText, out var payload) || !TryDecode(signatureText, out var signature)
            || !CryptographicOperations.FixedTimeEquals(Sign(payload), signature))
            return null;
        return Encoding.UTF8.GetString(payload).Split('\n') is [var tenant, var expires, var id, var browserHash]
               && long.TryParse(expires, out var seconds)
            ? new Issued(tenant, DateTimeOffset.FromUnixTimeSeconds(seconds), id, browserHash)
            : null;
    }

    private byte[] Sign(byte[] payload) => HMACSHA256.HashData(_key, payload);

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (Base64Url.DecodeFromChars(text, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written == 0)
            return false;
        bytes = bytes[..written];
        return true;
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private sealed record Issued(string Tenant, DateTimeOffset ExpiresAt, string Id, string BrowserHash);
}
