using M365Scanner.GraphEmulator.Directory;
using Microsoft.Extensions.Primitives;

namespace M365Scanner.GraphEmulator.Identity;

/// <summary>The parameters of an authorization request, checked in Entra ID's order: errors before the redirect URI is
/// known good are shown as a page (never redirected, so the endpoint cannot be an open redirect); later ones go back
/// to the client as error/error_description.</summary>
internal sealed record AuthorizeRequest(Tenant Tenant, AppRegistration App, string RedirectUri, string ResponseMode,
    string Scope, string? State, string? Nonce, string CodeChallenge, string? LoginHint)
{
    public static readonly string[] Fields =
        ["client_id", "redirect_uri", "response_type", "response_mode", "scope", "state", "nonce", "code_challenge", "code_challenge_method", "login_hint"];

    /// <summary>Checks the request; exactly one of the three results is set.</summary>
    public static (AuthorizeRequest? Request, AuthorizeFailure? Page, AuthorizeFailure? Redirect) Parse(
        TenantDirectory directory, string tenant, Func<string, StringValues> get)
    {
        string? Get(string name) => get(name) is { Count: 1 } v && !string.IsNullOrEmpty(v[0]) ? v[0] : null;

        if (directory.Find(tenant) is not { } t)
            return (null, new AuthorizeFailure("invalid_tenant", 90002, $"Tenant '{tenant}' not found."), null);
        var clientId = Get("client_id");
        if (clientId is null || !t.Apps.TryGetValue(clientId, out var app))
            return (null, new AuthorizeFailure("unauthorized_client", 700016, $"Application with identifier '{clientId}' was not found in the directory '{t.Id}'."), null);
        var redirectUri = Get("redirect_uri");
        if (!RedirectUris.IsRegistered(app, redirectUri))
            return (null, new AuthorizeFailure("invalid_request", 50011, $"The redirect URI '{redirectUri}' specified in the request does not match the redirect URIs configured for the application '{clientId}'."), null);

        var responseMode = Get("response_mode") ?? "query";
        var state = Get("state");
        AuthorizeFailure Fail(string error, int code, string text) => new(error, code, text, redirectUri, responseMode is "form_post" ? "form_post" : "query", state);

        if (responseMode is not ("query" or "form_post"))
            return (null, null, Fail("invalid_request", 900144, $"The response_mode '{responseMode}' is not supported by the emulator (query, form_post)."));
        if (Get("response_type") != "code")
            return (null, null, Fail("unsupported_response_type", 700054, "The emulator supports response_type 'code' only (authorization code flow with PKCE)."));
        var scope = Get("scope");
        if (scope is null || !scope.Split(' ').Contains("openid"))
            return (null, null, Fail("invalid_request", 900144, "The request body must contain the following parameter: 'scope' with 'openid'."));
        var challenge = Get("code_challenge");
        if (challenge is null)
            return (null, null, Fail("invalid_request", 9002325, "Proof Key for Code Exchange is required for this request."));
        if (Get("code_challenge_method") != "S256" || challenge.Length != 43)
            return (null, null, Fail("invalid_request", 501491, "Invalid code_challenge_method or code_challenge: only S256 is accepted."));

        return (new AuthorizeRequest(t, app, redirectUri!, responseMode, scope, state, Get("nonce"), challenge, Get("login_hint")), null, null);
    }

    /// <summary>The request's own parameters, carried through the sign-in form unchanged.</summary>
    public IEnumerable<KeyValuePair<string, string>> Echo(Func<string, StringValues> get) =>
        Fields.Select(f => KeyValuePair.Create(f, get(f).ToString())).Where(kv => kv.Value.Length > 0);
}

/// <summary>An OAuth error of the authorize endpoint; with a redirect URI it goes back to the client.</summary>
internal sealed record AuthorizeFailure(string Error, int Code, string Description, string? RedirectUri = null,
    string ResponseMode = "query", string? State = null);
