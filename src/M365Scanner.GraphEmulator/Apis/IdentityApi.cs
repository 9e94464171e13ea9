using M365Scanner.GraphEmulator.Directory;
using M365Scanner.GraphEmulator.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace M365Scanner.GraphEmulator.Apis;

/// <summary>The Entra ID endpoints MSAL and the consent flow use: the v2.0 token endpoint (client credentials
/// with a secret or a certificate assertion), OpenID metadata, signing keys, and the admin-consent page.</summary>
internal static class IdentityApi
{
    private const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

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

    private static async Task<IResult> Token(HttpContext context, string tenant, TenantDirectory directory, TokenService tokens, TimeProvider time, EmulatorOptions options)
    {
        if (!context.Request.HasFormContentType)
            return OAuthError.Result(400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.");
        var form = await context.Request.ReadFormAsync();
        var t = directory.Find(tenant);
        if (t is null)
            return OAuthError.Result(400, "invalid_tenant", 90002, $"Tenant '{tenant}' not found.");
        if (form["grant_type"] != "client_credentials")
            return OAuthError.Result(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
        var clientId = form["client_id"].ToString();
        if (!t.Apps.TryGetValue(clientId, out var app))
            return OAuthError.Result(400, "unauthorized_client", 700016, $"Application with identifier '{clientId}' was not found in the directory '{t.Id}'.");
        var scope = form["scope"].ToString();
        if (!scope.Split(' ').Any(s => s.EndsWith("/.default", StringComparison.Ordinal)))
            return OAuthError.Result(400, "invalid_scope", 1002012, $"The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.");

        if (form.TryGetValue("client_secret", out var secret))
        {
            if (app.Secret is null || secret != app.Secret)
                return OAuthError.Result(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.");
        }
        else if (form["client_assertion_type"] == AssertionType && form["client_assertion"].ToString() is { Length: > 0 } assertion)
        {
            if (await ClientAssertionValidator.ValidateAsync(assertion, app, time.GetUtcNow()) is { } failure)
                return OAuthError.Result(401, "invalid_client", 700027, failure);
        }
        else
        {
            return OAuthError.Result(401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
        }

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
        var root = $"{context.Request.Scheme}://{context.Request.Host}/{t.Id}";
        return TypedResults.Json(new Dictionary<string, object>
        {
            ["issuer"] = $"{context.Request.Scheme}://{context.Request.Host}/{t.Id}/v2.0",
            ["token_endpoint"] = root + "/oauth2/v2.0/token",
            ["authorization_endpoint"] = root + "/oauth2/v2.0/authorize",
            ["jwks_uri"] = root + "/discovery/v2.0/keys",
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "private_key_jwt", "client_secret_basic" },
            ["response_types_supported"] = new[] { "code", "id_token", "code id_token", "id_token token" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
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
