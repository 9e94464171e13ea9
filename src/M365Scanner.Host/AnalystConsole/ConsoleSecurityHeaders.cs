using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.AnalystConsole;

/// <summary>
/// What every console response tells the browser: run no script at all (the console needs none), load styles and
/// images only from here, submit forms only here and to the identity provider (sign-out continues there), never be
/// framed (clickjacking a release button), send no referrer to other sites (URLs carry mailbox names), and keep nothing
/// in caches.
/// </summary>
internal sealed class ConsoleSecurityHeaders : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        Apply(context.HttpContext.Response);
        return next();
    }

    public static void Apply(HttpResponse response)
    {
        var authority = response.HttpContext.RequestServices.GetRequiredService<IOptions<ConsoleOptions>>().Value.Authority;
        var provider = Uri.TryCreate(authority, UriKind.Absolute, out var uri) ? " " + uri.GetLeftPart(UriPartial.Authority) : "";
        var headers = response.Headers;
        headers.ContentSecurityPolicy =
            $"default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'{provider}; frame-ancestors 'none'; base-uri 'none'";
        // same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with every form post, and the
        // host's cross-site filter rightly refuses those, so no console form (sign-out, release, policy) would work.
        headers["Referrer-Policy"] = "same-origin";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
    }
}
