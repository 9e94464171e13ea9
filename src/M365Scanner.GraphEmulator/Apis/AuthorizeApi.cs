using M365Scanner.GraphEmulator.Directory;
using M365Scanner.GraphEmulator.Identity;

namespace M365Scanner.GraphEmulator.Apis;

/// <summary>Entra ID's interactive sign-in for the authorization code flow with PKCE: GET shows a sign-in form, the form
/// posts back here, and a good password sends a single-use code to the app's registered redirect URI.</summary>
internal static class AuthorizeApi
{
    public static IEndpointRouteBuilder MapAuthorizeApi(this IEndpointRouteBuilder app)
    {
        var tenant = app.MapGroup("/{tenant}/oauth2/v2.0");
        tenant.MapGet("/authorize", Show);
        tenant.MapPost("/authorize", SignIn).DisableAntiforgery();
        tenant.MapGet("/logout", SignOut);
        return app;
    }

    private static IResult Show(HttpContext context, string tenant, TenantDirectory directory)
    {
        var query = context.Request.Query;
        var (request, page, redirect) = AuthorizeRequest.Parse(directory, tenant, name => query[name]);
        if (request is null) return page is not null ? AuthorizePages.Error(page) : AuthorizePages.Answer(redirect!);
        return AuthorizePages.SignIn(context.Request.Path, request.Tenant.Domain, request.Echo(name => query[name]), request.LoginHint, null);
    }

    private static async Task<IResult> SignIn(HttpContext context, string tenant, TenantDirectory directory, AuthorizationCodes codes)
    {
        if (!context.Request.HasFormContentType) return AuthorizePages.Error(new AuthorizeFailure("invalid_request", 900144, "The sign-in form was not posted."));
        var form = await context.Request.ReadFormAsync();
        // The form's hidden fields came back from the browser: every check of the GET is made again.
        var (request, page, redirect) = AuthorizeRequest.Parse(directory, tenant, name => form[name]);
        if (request is null) return page is not null ? AuthorizePages.Error(page) : AuthorizePages.Answer(redirect!);

        var username = form["username"].ToString();
        // Sign-in names are user principal names; FindUser also takes object ids, which are not sign-in names.
        var user = request.Tenant.FindUser(username);
        if (user is null || !string.Equals(user.UserPrincipalName, username, StringComparison.OrdinalIgnoreCase) || !user.CheckPassword(form["password"]))
            return AuthorizePages.SignIn(context.Request.Path, request.Tenant.Domain, request.Echo(name => form[name]), username,
                "Your account or password is incorrect.");

        var code = codes.Issue(request.Tenant.Id, request.App.ClientId, request.RedirectUri, request.CodeChallenge, user.Id, request.Nonce, request.Scope);
        return AuthorizePages.Answer(request.RedirectUri, request.ResponseMode, new Dictionary<string, string?>
        {
            ["code"] = code,
            ["state"] = request.State,
            ["session_state"] = Guid.NewGuid().ToString(),
        });
    }

    /// <summary>The end-session endpoint: the emulator keeps no sign-in session, so it only returns to
    /// post_logout_redirect_uri when that is registered for the app named by client_id.</summary>
    private static IResult SignOut(string tenant, TenantDirectory directory, string? client_id, string? post_logout_redirect_uri, string? state)
    {
        if (directory.Find(tenant) is { } t && client_id is not null && t.Apps.TryGetValue(client_id, out var app)
            && RedirectUris.IsRegistered(app, post_logout_redirect_uri))
            return AuthorizePages.Answer(post_logout_redirect_uri!, "query", new Dictionary<string, string?> { ["state"] = state });
        return Results.Content("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Signed out</title></head><body><p>You signed out of your account.</p></body></html>",
            "text/html; charset=utf-8");
    }
}
