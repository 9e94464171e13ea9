using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace M365Scanner.Host.AnalystConsole;

/// <summary>A signed-in user without the role an action needs gets 403 on the spot, with a page saying which roles
/// would do, instead of the cookie handler's redirect to an access-denied path.</summary>
internal static class ConsoleAccessDenied
{
    public static async Task WriteAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var user = context.HttpContext.User.Identity?.Name ?? "an unknown user";
        var roles = string.Join(", ", context.HttpContext.User.FindAll("roles").Select(c => c.Value));
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/html; charset=utf-8";
        ConsoleSecurityHeaders.Apply(context.Response);
        var html = HtmlEncoder.Default;
        await context.Response.WriteAsync(
            $"""
             <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not allowed</title>
             <link rel="stylesheet" href="{ConsolePaths.Stylesheet}"></head><body><main>
             <h1>Not allowed</h1>
             <p>You are signed in as <strong>{html.Encode(user)}</strong> with the role(s) {html.Encode(roles.Length == 0 ? "none" : roles)}.
             This needs one of: {html.Encode(RolesFor(context.HttpContext))}. An administrator assigns roles to users in the
             console's app registration (Entra ID, Enterprise applications).</p>
             <p><a href="{ConsolePaths.Messages}">Back to messages</a></p></main></body></html>
             """);
    }

    // A page can carry several policies (the folder's read policy and its own act policy, in no promised order):
    // the most demanding one is what the user lacks.
    private static string RolesFor(HttpContext context)
    {
        var policies = context.GetEndpoint()?.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
            .Select(a => a.Policy).ToHashSet() ?? [];
        return policies.Contains(ConsoleRoles.AdministerPolicy) ? string.Join(" or ", ConsoleRoles.Administrators)
            : policies.Contains(ConsoleRoles.ActPolicy) ? string.Join(" or ", ConsoleRoles.Actors)
            : string.Join(", ", ConsoleRoles.Readers);
    }
}
