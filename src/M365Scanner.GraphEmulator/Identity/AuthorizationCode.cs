namespace M365Scanner.GraphEmulator.Identity;

/// <summary>What an authorization code stands for: who signed in, for which app and redirect URI, and the PKCE
/// challenge its redemption must answer.</summary>
internal sealed record AuthorizationCode(string TenantId, string ClientId, string RedirectUri, string CodeChallenge,
    string UserId, string? Nonce, string Scope, DateTimeOffset ExpiresAt);
