using M365Scanner.GraphEmulator.Directory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace M365Scanner.GraphEmulator.Identity;

/// <summary>Checks the signed JWT a confidential client sends instead of a secret (client_assertion): it must
/// be signed by the app's registered certificate, name the app as iss and sub, and be within its lifetime.</summary>
internal static class ClientAssertionValidator
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>Null when valid; otherwise an AADSTS-style reason.</summary>
    public static async Task<string?> ValidateAsync(string assertion, AppRegistration app, DateTimeOffset now)
    {
        if (app.Certificate is null)
            return "AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application.";
        var key = new X509SecurityKey(app.Certificate);
        var result = await Handler.ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            IssuerSigningKey = key,
            // MSAL names the key by x5t / x5t#S256; matching by key id is not needed with a single registered key.
            TryAllIssuerSigningKeys = true,
            ValidIssuer = app.ClientId,
            ValidateAudience = false, // MSAL sends the token endpoint URL; the port varies per run
            ClockSkew = TimeSpan.FromMinutes(5),
            LifetimeValidator = (nbf, exp, _, _) => exp is { } e && e > now.UtcDateTime.AddMinutes(-5),
        });
        if (!result.IsValid)
            return "AADSTS700027: Client assertion failed signature validation. " + result.Exception?.GetType().Name;
        var sub = result.Claims.TryGetValue("sub", out var s) ? s as string : null;
        return string.Equals(sub, app.ClientId, StringComparison.OrdinalIgnoreCase)
            ? null
            : "AADSTS700023: Client assertion audience claim does not match Realm issuer.";
    }
}
