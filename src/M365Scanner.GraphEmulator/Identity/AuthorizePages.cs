using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.WebUtilities;

namespace M365Scanner.GraphEmulator.Identity;

/// <summary>The HTML of the authorize endpoint: the sign-in form, the error page, and the answers to the client
/// (a redirect with the code in the query, or Entra's self-submitting form for response_mode=form_post).</summary>
internal static class AuthorizePages
{
    private const string Style = "body{font-family:Segoe UI,Arial,sans-serif;max-width:26rem;margin:4rem auto;padding:0 1rem}"
        + "label,input,button{display:block;width:100%;margin:.3rem 0}input{padding:.4rem}button{padding:.5rem;margin-top:1rem}"
        + ".error{color:#a4262c}.note{color:#605e5c;font-size:.85rem}";

    public static IResult SignIn(string action, string tenantDomain, IEnumerable<KeyValuePair<string, string>> carried, string? username, string? error)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign in - Graph emulator</title><style>")
            .Append(Style).Append("</style></head><body><h1>Sign in</h1><p>").Append(E(tenantDomain)).Append("</p>");
        if (error is not null) html.Append("<p class=\"error\" role=\"alert\">").Append(E(error)).Append("</p>");
        html.Append("<form method=\"post\" action=\"").Append(E(action)).Append("\">");
        foreach (var (name, value) in carried)
            html.Append("<input type=\"hidden\" name=\"").Append(E(name)).Append("\" value=\"").Append(E(value)).Append("\">");
        html.Append("<label for=\"username\">Email</label><input id=\"username\" name=\"username\" type=\"email\" autocomplete=\"username\" required value=\"")
            .Append(E(username ?? "")).Append("\">")
            .Append("<label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>")
            .Append("<button type=\"submit\">Sign in</button></form>")
            .Append("<p class=\"note\">Local Graph emulator: test identities only, never a real Microsoft 365 account.</p></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    public static IResult Error(AuthorizeFailure failure, int status = 400) =>
        Results.Content("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign-in error</title><style>" + Style
            + "</style></head><body><h1>Sign-in error</h1><p class=\"error\">AADSTS" + failure.Code + ": " + E(failure.Description)
            + "</p><p>error: " + E(failure.Error) + "</p></body></html>", "text/html; charset=utf-8", statusCode: status);

    /// <summary>Sends parameters back to the already validated redirect URI.</summary>
    public static IResult Answer(string redirectUri, string responseMode, IDictionary<string, string?> parameters)
    {
        if (responseMode != "form_post")
            return Results.Redirect(QueryHelpers.AddQueryString(redirectUri, parameters));
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Working...</title></head>")
            .Append("<body onload=\"document.forms[0].submit()\"><form method=\"POST\" name=\"hiddenform\" action=\"").Append(E(redirectUri)).Append("\">");
        foreach (var (name, value) in parameters)
            if (value is not null)
                html.Append("<input type=\"hidden\" name=\"").Append(E(name)).Append("\" value=\"").Append(E(value)).Append("\">");
        html.Append("<noscript><p>Script is disabled. Click Submit to continue.</p><input type=\"submit\" value=\"Submit\"></noscript></form></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    public static IResult Answer(AuthorizeFailure failure) =>
        Answer(failure.RedirectUri!, failure.ResponseMode, new Dictionary<string, string?>
        {
            ["error"] = failure.Error,
            ["error_description"] = $"AADSTS{failure.Code}: {failure.Description}",
            ["state"] = failure.State,
        });

    private static string E(string text) => HtmlEncoder.Default.Encode(text);
}
