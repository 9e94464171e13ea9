using System.Text.Encodings.Web;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Scanning;

namespace M365Scanner.Host.BlockedLinks;

/// <summary>
/// Where a rewritten link leads: a plain page saying the link was held, why, and how to ask for its release.
/// It never redirects to the original URL, whatever the token says.
/// </summary>
public static class BlockedLinkPage
{
    public static IEndpointRouteBuilder MapBlockedLinkPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/blocked/{token}", Show).AllowAnonymous();
        return app;
    }

    internal static IResult Show(string token, BlockedLinkTokens tokens, IVerdictStore verdicts)
    {
        if (tokens.Read(token) is not { } reference)
            return Page(StatusCodes.Status404NotFound, "This link is not recognised",
                "<p>The address you opened is not a link held by M365Scanner. If you followed it from an email, forward that email to your IT or security team.</p>");

        var verdict = verdicts.Get(new MessageKey(reference.TenantId, reference.Mailbox, reference.MessageId));
        var links = verdict is null ? [] : LinkReport.ReadStored(verdict.LinksJson);
        var link = reference.LinkIndex >= 0 && reference.LinkIndex < links.Count ? links[reference.LinkIndex] : null;
        var html = HtmlEncoder.Default;
        var why = link is null
            ? "<p>The reasons are no longer available.</p>"
            : $"<p>It pointed to <strong>{html.Encode(link.Domain ?? "an unknown site")}</strong>, and it was held because:</p><ul>" +
              string.Concat(link.Reasons.Take(5).Select(r => $"<li>{html.Encode(r)}</li>")) + "</ul>";
        var subject = verdict?.Subject is { Length: > 0 } s ? $" in the message “{html.Encode(s)}”" : "";
        return Page(StatusCodes.Status200OK, "This link was held for your safety",
            $"<p>M365Scanner held a link{subject} because it did not fit the usual pattern of your correspondence.</p>{why}" +
            "<p>If you expected this link and need it, ask your IT or security team to release the message, quoting this reference:</p>" +
            $"<p><code>{html.Encode(reference.MessageId)}</code></p>" +
            "<p>Do not copy the original address into your browser.</p>");
    }

    private static IResult Page(int status, string title, string body) => TypedResults.Content(
        $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">
        <title>{{HtmlEncoder.Default.Encode(title)}}</title>
        <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}code{word-break:break-all}</style>
        </head><body><h1>{{HtmlEncoder.Default.Encode(title)}}</h1>{{body}}</body></html>
        """, "text/html; charset=utf-8", statusCode: status);
}
