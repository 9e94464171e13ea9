using System.Security.Cryptography;
using System.Text;
using M365Scanner.GraphEmulator.Directory;

namespace M365Scanner.GraphEmulator.Identity;

/// <summary>The token endpoint's authorization_code grant: the code is taken out first (so even a failed attempt uses
/// it up), then must belong to this client and redirect URI and answer its PKCE challenge; the answer carries the id
/// token and an access token, as Entra ID v2.0 returns them to a web app.</summary>
internal static class AuthorizationCodeGrant
{
    public static async Task<IResult> RedeemAsync(HttpRequest request, IFormCollection form, Tenant tenant, AppRegistration app,
        AuthorizationCodes codes, TokenService tokens, TimeProvider time, EmulatorOptions options)
    {
        if (await ClientAuthentication.CheckAsync(form, app, time, publicClientAllowed: true) is { } refused)
            return refused;
        var code = form["code"].ToString();
        if (code.Length == 0)
            return OAuthError.Result(400, "invalid_request", 900144, "The request body must contain the following parameter: 'code'.");

        var (grant, refusal) = codes.Redeem(code);
        if (grant is null)
        {
            return refusal switch
            {
                CodeRefusal.AlreadyRedeemed => OAuthError.Result(400, "invalid_grant", 54005, "OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token."),
                CodeRefusal.Expired => OAuthError.Result(400, "invalid_grant", 70008, "The provided authorization code or refresh token has expired due to inactivity."),
                _ => OAuthError.Result(400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid."),
            };
        }
        if (!string.Equals(grant.TenantId, tenant.Id, StringComparison.OrdinalIgnoreCase) || !string.Equals(grant.ClientId, app.ClientId, StringComparison.OrdinalIgnoreCase))
            return OAuthError.Result(400, "invalid_grant", 70000, "Provided grant is invalid or malformed: the code was issued to another client.");
        if (form["redirect_uri"] != grant.RedirectUri)
            return OAuthError.Result(400, "invalid_grant", 70000, "Provided grant is invalid or malformed: redirect_uri does not match the one of the authorization request.");
        var verifier = form["code_verifier"].ToString();
        if (verifier.Length == 0)
            return OAuthError.Result(400, "invalid_grant", 50148, "The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.");
        if (!Answers(verifier, grant.CodeChallenge))
            return OAuthError.Result(400, "invalid_grant", 501481, "The Code_Verifier does not match the code_challenge supplied in the authorization request.");
        if (tenant.FindUser(grant.UserId) is not { } user)
            return OAuthError.Result(400, "invalid_grant", 50034, "The user account does not exist in the directory.");

        var issuer = IdentityUrls.Issuer(request, tenant.Id);
        var lifetime = (int)options.TokenLifetime.TotalSeconds;
        return TypedResults.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["scope"] = grant.Scope,
            ["expires_in"] = lifetime,
            ["ext_expires_in"] = lifetime,
            ["access_token"] = tokens.IssueUserAccessToken(issuer, tenant.Id, app.ClientId, user, grant.Scope),
            ["id_token"] = tokens.IssueIdToken(issuer, tenant.Id, app.ClientId, user, grant.Nonce),
        });
    }

    /// <summary>RFC 7636 S256: BASE64URL(SHA256(ASCII(verifier))) equals the challenge, compared in fixed time.</summary>
    private static bool Answers(string verifier, string challenge)
    {
        if (verifier.Length is < 43 or > 128) return false;
        var computed = Encoding.ASCII.GetBytes(AuthorizationCodes.Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
        return CryptographicOperations.FixedTimeEquals(computed, Encoding.ASCII.GetBytes(challenge));
    }
}
