namespace M365Scanner.Core.Operations;

/// <summary>An admin-consent round trip under way: the <c>state</c> sent to Entra ID and the browser it belongs to.
/// Only hashes are kept, so a copy of the store cannot be used to complete someone's consent.</summary>
/// <param name="StateHash">SHA-256 (hex) of the one-time <c>state</c> value.</param>
/// <param name="BrowserHash">SHA-256 (hex) of the nonce in the starting browser's cookie.</param>
public sealed record PendingConsent(string StateHash, string BrowserHash, DateTimeOffset ExpiresAt);
