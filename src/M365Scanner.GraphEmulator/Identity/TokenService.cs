using System.Security.Claims;
using System.Security.Cryptography;
using M365Scanner.GraphEmulator.Directory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace M365Scanner.GraphEmulator.Identity;

/// <summary>Issues and checks the emulator's access tokens: RS256 JWTs shaped like Entra ID v1 app tokens
/// for Graph (aud https://graph.microsoft.com, iss https://sts.windows.net/{tid}/, tid, appid, roles, idtyp app).</summary>
internal sealed class TokenService
{
    public const string GraphAudience = "https://graph.microsoft.com";
    private const string GraphAppId = "00000003-0000-0000-c000-000000000000";

    private readonly RsaSecurityKey _key;
    private readonly SigningCredentials _signing;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly TenantDirectory _directory;
    private readonly EmulatorOptions _options;
    private readonly TimeProvider _time;

    public TokenService(TenantDirectory directory, EmulatorOptions options, TimeProvider time)
    {
        _directory = directory;
        _options = options;
        _time = time;
        _key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) };
        _signing = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256);
    }

    public RsaSecurityKey SigningKey => _key;

    public static string IssuerFor(string tenantId) => $"https://sts.windows.net/{tenantId}/";

    /// <summary>Issues a token; <paramref name="lifetime"/> may be negative to make an already expired one.</summary>
    public string Issue(string tenantId, string appId, IEnumerable<string> roles, TimeSpan? lifetime = null)
    {
        var now = _time.GetUtcNow();
        var expires = now + (lifetime ?? _options.TokenLifetime);
        var notBefore = expires < now ? expires.AddMinutes(-60) : now.AddMinutes(-5);
        var claims = new Dictionary<string, object>
        {
            ["tid"] = tenantId,
            ["appid"] = appId,
            ["azp"] = appId,
            ["oid"] = DeterministicGuid(tenantId + "/" + appId),
            ["sub"] = DeterministicGuid(tenantId + "/" + appId),
            ["idtyp"] = "app",
            ["ver"] = "1.0",
            ["app_displayname"] = appId,
        };
        var roleList = roles.ToArray();
        if (roleList.Length > 0) claims["roles"] = roleList;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = IssuerFor(tenantId),
            Audience = GraphAudience,
            IssuedAt = notBefore.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = _signing,
        });
    }

    /// <summary>An id token as Entra ID v2.0 issues it to a web app after the user signs in: aud is the app, roles are the
    /// user's app-role assignments for that app, nonce is echoed from the authorize request.</summary>
    public string IssueIdToken(string issuer, string tenantId, string clientId, EmulatedUser user, string? nonce)
    {
        var claims = UserClaims(tenantId, clientId, user);
        claims["ver"] = "2.0";
        if (nonce is not null) claims["nonce"] = nonce;
        return Sign(issuer, clientId, claims, _options.TokenLifetime);
    }

    /// <summary>The access token of the same sign-in. The emulator has no resource APIs for users, so it is issued to the
    /// app itself (aud = client id, scp = granted scopes): Graph here accepts app-only tokens and refuses it.</summary>
    public string IssueUserAccessToken(string issuer, string tenantId, string clientId, EmulatedUser user, string scope)
    {
        var claims = UserClaims(tenantId, clientId, user);
        claims["ver"] = "2.0";
        claims["azp"] = clientId;
        claims["idtyp"] = "user";
        claims["scp"] = scope;
        return Sign(issuer, clientId, claims, _options.TokenLifetime);
    }

    private static Dictionary<string, object> UserClaims(string tenantId, string clientId, EmulatedUser user)
    {
        var claims = new Dictionary<string, object>
        {
            ["tid"] = tenantId,
            ["oid"] = user.Id,
            // Entra's sub is pairwise: the same user has a different sub in each app.
            ["sub"] = DeterministicGuid(tenantId + "/" + clientId + "/" + user.Id),
            ["name"] = user.DisplayName,
            ["preferred_username"] = user.UserPrincipalName,
        };
        var roles = user.AppRolesFor(clientId).Order(StringComparer.Ordinal).ToArray();
        if (roles.Length > 0) claims["roles"] = roles;
        return claims;
    }

    private string Sign(string issuer, string audience, Dictionary<string, object> claims, TimeSpan lifetime)
    {
        var now = _time.GetUtcNow();
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.AddMinutes(-5).UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            Claims = claims,
            SigningCredentials = _signing,
        });
    }

    /// <summary>Checks a bearer token the way Graph does; messages follow Graph's InvalidAuthenticationToken texts.</summary>
    public async Task<TokenValidation> ValidateAsync(string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization))
            return TokenValidation.Fail("Access token is empty.");
        const string prefix = "Bearer ";
        if (!authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            return TokenValidation.Fail("Access token is empty.");
        var raw = authorization[prefix.Length..].Trim();
        if (!_handler.CanReadToken(raw))
            return TokenValidation.Fail("IDX14100: JWT is not well formed, there are no dots (.).");

        var result = await _handler.ValidateTokenAsync(raw, new TokenValidationParameters
        {
            IssuerSigningKey = _key,
            ValidAudiences = [GraphAudience, GraphAudience + "/", GraphAppId],
            ValidateIssuer = false, // checked below against the tenant named in the token
            ClockSkew = _options.TokenClockSkew,
            LifetimeValidator = (nbf, exp, _, p) =>
                exp is { } e && e + p.ClockSkew > _time.GetUtcNow().UtcDateTime && (nbf is null || nbf.Value - p.ClockSkew <= _time.GetUtcNow().UtcDateTime),
        });
        if (!result.IsValid)
        {
            return TokenValidation.Fail(result.Exception switch
            {
                SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException => "Lifetime validation failed, the token is expired.",
                SecurityTokenInvalidAudienceException => "Invalid audience.",
                SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "Access token validation failure. Invalid signature.",
                _ => "Access token validation failure.",
            });
        }

        var tid = result.Claims.TryGetValue("tid", out var t) ? t as string : null;
        var appId = result.Claims.TryGetValue("appid", out var a) ? a as string : null;
        if (tid is null || appId is null)
            return TokenValidation.Fail("Access token validation failure.");
        var tenant = _directory.Find(tid);
        if (tenant is null || !string.Equals(tenant.Id, tid, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(result.Issuer, IssuerFor(tenant.Id), StringComparison.OrdinalIgnoreCase))
            return TokenValidation.Fail("Access token validation failure. Invalid issuer or tenant.");

        var roles = ((JsonWebToken)result.SecurityToken).Claims
            .Where(c => c.Type == "roles").Select(c => c.Value)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return TokenValidation.Ok(new GraphCaller(tenant.Id, appId, roles));
    }

    private static string DeterministicGuid(string text) =>
        new Guid(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)).AsSpan(0, 16)).ToString();
}
