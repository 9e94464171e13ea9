using System.Text.Encodings.Web;

namespace M365Scanner.Host.Onboarding;

/// <summary>The plain HTML pages an admin sees during consent. Everything that came from a request is encoded
/// here; callers pass text, not markup, except for <see cref="Page"/>'s body.</summary>
internal static class OnboardingPages
{
    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>A page that is not cached and does not leak its URL (which holds the state) as a referrer.</summary>
    public static IResult Page(HttpContext context, int status, string title, string bodyHtml)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        return TypedResults.Content(
            $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">
            <title>{{Encode(title)}}</title>
            <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}code{word-break:break-all}</style>
            </head><body><h1>{{Encode(title)}}</h1>{{bodyHtml}}</body></html>
            """, "text/html; charset=utf-8", statusCode: status);
    }
}
