using M365Scanner.Host.Health;

namespace M365Scanner.Host.Security;

/// <summary>
/// Refuses (400) a request whose Host header is not one of <see cref="AllowedHostNames"/>, before anything reads it.
/// The anonymous probes are exempt: orchestrators and load balancers address an instance by its IP or container name
/// (a Kubernetes or Container Apps probe, Caddy's health check), and the probes change nothing and reveal nothing.
/// ASP.NET Core's own host filtering (the root <c>AllowedHosts</c> key) still applies on top when an operator sets it;
/// it cannot exempt the probes, hence this one.
/// </summary>
public sealed class HostNameFilter(RequestDelegate next, AllowedHostNames allowed, ILogger<HostNameFilter> log)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (allowed.Allows(request.Host) || IsProbe(request))
            return next(context);
        // Debug, not Warning: anyone can send any Host, and a refusal costs us nothing.
        log.LogDebug("Refused a request for host {Host} (allowed: {Allowed})", request.Host.Value, allowed.Names);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("This host name is not served here (see Scanner:PublicBaseUrl and Scanner:AllowedHosts).");
    }

    private static bool IsProbe(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) &&
        (request.Path.Equals(ScannerHealthExtensions.LivenessPath, StringComparison.OrdinalIgnoreCase) ||
         request.Path.Equals(ScannerHealthExtensions.ReadinessPath, StringComparison.OrdinalIgnoreCase));
}
