using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Security;

/// <summary>
/// Refuses (403) every state-changing request (any method but GET, HEAD, OPTIONS and TRACE) that a browser made on
/// behalf of another site, on every route: the admin API, hunts, the Hangfire dashboard's actions. A browser says so
/// itself: <c>Sec-Fetch-Site</c> other than <c>same-origin</c> or <c>none</c>, or an <c>Origin</c> that is not this
/// host's (the request's Host, or <c>Scanner:PublicBaseUrl</c>'s origin when a proxy rewrote Host). Browsers send
/// Origin on every cross-site POST, and scripts cannot forge either header. A request with neither is not a
/// browser's cross-site request: API clients (the CLI's <c>hunt</c> and <c>release</c>, with their key) and Graph's
/// notifications (authenticated by their clientState, not by anything a browser holds) pass.
/// Checked before authentication, so a forged request is refused before any credential it carries is used.
/// </summary>
public sealed class CrossSiteRequestFilter(RequestDelegate next, IOptions<ScannerHostOptions> options, ILogger<CrossSiteRequestFilter> log)
{
    public const string FetchSiteHeader = "Sec-Fetch-Site";

    private readonly Uri? _publicOrigin = Uri.TryCreate(options.Value.PublicBaseUrl, UriKind.Absolute, out var url) ? url : null;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (IsSafe(request.Method) || Refusal(request) is not { } why)
            return next(context);
        // Debug, not Warning: any page on the web can make a browser send this, as often as it likes.
        log.LogDebug("Refused a cross-site {Method} {Path}: {Why}", request.Method, request.Path.Value, why);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("Cross-site requests may not change anything here.");
    }

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    private string? Refusal(HttpRequest request)
    {
        var site = request.Headers[FetchSiteHeader].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
            return $"{FetchSiteHeader}: {site}";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !IsOwn(origin, request.Host))
            return $"Origin: {origin}";
        return null;
    }

    // "null" (sandboxed frames, file: pages) and anything that is not an http(s) origin are never ours. The scheme is
    // not compared: behind a TLS-terminating proxy the host cannot tell it, and the names and ports decide.
    private bool IsOwn(string origin, HostString host)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            return false;
        if (_publicOrigin is not null && SameOrigin(url, _publicOrigin))
            return true;
        return host.HasValue && string.Equals(url.Host, host.Host, StringComparison.OrdinalIgnoreCase) &&
               (host.Port is { } port ? url.Port == port : url.IsDefaultPort);
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;
}
