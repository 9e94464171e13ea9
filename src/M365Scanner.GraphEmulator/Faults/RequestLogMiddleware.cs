namespace M365Scanner.GraphEmulator.Faults;

/// <summary>Records each answered request in the <see cref="RequestLog"/> (control routes excluded).</summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, RequestLog log, TimeProvider time, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        finally
        {
            if (!context.Request.Path.StartsWithSegments("/_emulator"))
            {
                log.Add(new LoggedRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Response.StatusCode, time.GetUtcNow()));
                // Unknown routes are logged so that a new client call the emulator lacks is easy to spot.
                if (context.Response.StatusCode == 404 && context.GetEndpoint() is null)
                    logger.LogWarning("No emulator route for {Method} {Path}{Query}", context.Request.Method, context.Request.Path, context.Request.QueryString);
            }
        }
    }
}
