using M365Scanner.GraphEmulator.Directory;
using M365Scanner.GraphEmulator.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace M365Scanner.GraphEmulator.Apis;

/// <summary>The Entra ID endpoints MSAL, OpenID Connect clients and the consent flow use: the v2.0 token endpoint
/// (client credentials with a secret or a certificate assertion; authorization codes from <see cref="AuthorizeApi"/>),
/// OpenID metadata, signing keys, and the admin-consent page.</summary>
internal static class IdentityApi
{
    public static IEndpointRouteBuilder MapIdentityApi(this IEndpointRouteBuilder app)
    {
        var tenant = app.MapGroup("/{tenant}");
        tenant.MapPost("/oauth2/v2.0/token", Token).DisableAntiforgery();
        tenant.MapGet("/v2.0/.well-known/openid-configuration", Metadata);
        tenant.MapGet("/.well-known/openid-configuration", Metadata);
        tenant.MapGet("/discovery/v2.0/keys", Keys);
        tenant.MapGet("/v2.0/adminconsent", AdminConsent);
        tenant.MapGet("/adminconsent", AdminConsent);
        return app;
    }

    private static async Task<IResult> Token(HttpContext context, string tenant, TenantDirectory directory, TokenService tokens,
        AuthorizationCodes codes, TimeProvider time, EmulatorOptions options)
    {
        if (!context.Request.HasFormContentType)
            return OAuthError.Result(400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.");
        var form = await context.Request.ReadFormAsync();
        var t = directory.Find(tenant);
        if (t is null)
            return OAuthError.Result(400, "invalid_tenant", 90002, $"Tenant '{tenant}' not found.");
        var grantType = form["grant_type"].ToString();
        if (grantType is not ("client_credentials" or "authorization_code"))
            return OAuthError.Result(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
        var clientId = form["client_id"].ToString();
        if (!t.Apps.TryGetValue(clientId, out var app))
            return OAuthError.Result(400, "unauthorized_client", 700016, $"Application with identifier '{clientId}' was not found in the directory '{t.Id}'.");
        if (grantType == "authorization_code")
            return await AuthorizationCodeGrant.RedeemAsync(context.Request, form, t, app, codes, tokens, time, options);

        var scope = form["scope"].ToString();
        if (!scope.Split(' ').Any(s => s.EndsWith("/.default", StringComparison.Ordinal)))
            return OAuthError.Result(400, "invalid_scope", 1002012, $"The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.");
        if (await ClientAuthentication.CheckAsync(form, app, time, publicClientAllowed: false) is { } refused)
            return refused;

        var lifetime = (int)options.TokenLifetime.TotalSeconds;
        return TypedResults.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = lifetime,
            ["ext_expires_in"] = lifetime,
            ["access_token"] = tokens.Issue(t.Id, app.ClientId, app.GrantedRoles),
        });
    }

    private static IResult Metadata(HttpContext context, string tenant, TenantDirectory directory)
    {
        if (directory.Find(tenant) is not { } t)
            return OAuthError.Result(400, "invalid_tenant", 90002, $"Tenant '{tenant}' not found.");
        var root = IdentityUrls.Root(context.Request, t.Id);
        return TypedResults.Json(new Dictionary<string, object>
        {
            ["issuer"] = IdentityUrls.Issuer(context.Request, t.Id),
            ["token_endpoint"] = root + "/oauth2/v2.0/token",
            ["authorization_endpoint"] = root + "/oauth2/v2.0/authorize",
            ["end_session_endpoint"] = root + "/oauth2/v2.0/logout",
            ["jwks_uri"] = root + "/discovery/v2.0/keys",
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "private_key_jwt" },
            // Entra ID also lists the implicit and hybrid types; the emulator signs users in with code + PKCE only.
            ["response_types_supported"] = new[] { "code" },
            ["response_modes_supported"] = new[] { "query", "form_post" },
            ["grant_types_supported"] = new[] { "authorization_code", "client_credentials" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["scopes_supported"] = new[] { "openid", "profile", "email", "offline_access" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["claims_supported"] = new[] { "sub", "iss", "aud", "exp", "iat", "nbf", "nonce", "name", "preferred_username", "oid", "tid", "roles", "ver" },
            ["tenant_region_scope"] = "NA",
        });
    }

    private static IResult Keys(TokenService tokens)
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(tokens.SigningKey);
        return TypedResults.Json(new { keys = new[] { new { kty = "RSA", use = "sig", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
    }

    /// <summary>Admin consent (GET /{tenant}/v2.0/adminconsent): grants the app's requested roles and redirects
    /// back with admin_consent=True, or with error=... when the tenant is set to refuse.</summary>
    /// <remarks>A multi-tenant app sends admins to /organizations (or /common): Entra ID signs the admin in and
    /// consents for the admin's own tenant. With no sign-in here, the admin's tenant is the one whose domain
    /// <c>login_hint</c> names, else the only tenant where the app is registered.</remarks>
    private static IResult AdminConsent(HttpContext context, string tenant, TenantDirectory directory, TimeProvider time,
        string? client_id, string? redirect_uri, string? state, string? scope, string? login_hint)
    {
        if (tenant is "organizations" or "common")
        {
            var candidates = login_hint?.Split('@') is [_, var domain]
                ? directory.All.Where(x => string.Equals(x.Domain, domain, StringComparison.OrdinalIgnoreCase)).ToList()
                : directory.All.Where(x => client_id is not null && x.Apps.ContainsKey(client_id)).ToList();
            if (candidates.Count != 1)
                return OAuthError.Result(400, "invalid_request", 90002,
                    $"The emulator cannot tell which tenant's admin signs in at /{tenant} ({candidates.Count} candidates); pass login_hint.");
            tenant = candidates[0].Id;
        }
        if (directory.Find(tenant) is not { } t)
            return OAuthError.Result(400, "invalid_tenant", 90002, $"Tenant '{tenant}' not found.");
        if (client_id is null || !t.Apps.TryGetValue(client_id, out var app))
            return OAuthError.Result(400, "unauthorized_client", 700016, $"Application with identifier '{client_id}' was not found in the directory '{t.Id}'.");
        if (redirect_uri is null || !Uri.TryCreate(redirect_uri, UriKind.Absolute, out _)
            || app.RedirectUris.Length > 0 && !app.RedirectUris.Contains(redirect_uri, StringComparer.OrdinalIgnoreCase))
            return OAuthError.Result(400, "invalid_request", 50011, $"The redirect URI '{redirect_uri}' specified in the request does not match the redirect URIs configured for the application '{client_id}'.");

        var parameters = new Dictionary<string, string?>();
        if (t.ConsentError is { } error)
        {
            t.RecordConsent(new ConsentRecord(t.Id, app.ClientId, false, [], error, time.GetUtcNow()));
            parameters["error"] = error;
            parameters["error_description"] = "AADSTS65004: User declined to consent to access the app.";
        }
        else
        {
            app.Grant(app.RequestedRoles);
            t.RecordConsent(new ConsentRecord(t.Id, app.ClientId, true, app.RequestedRoles.ToArray(), null, time.GetUtcNow()));
            parameters["admin_consent"] = "True";
            parameters["tenant"] = t.Id;
            if (scope is not null) parameters["scope"] = scope;
        }
        if (state is not null) parameters["state"] = state;
        return TypedResults.Redirect(QueryHelpers.AddQueryString(redirect_uri, parameters));
    }
}
