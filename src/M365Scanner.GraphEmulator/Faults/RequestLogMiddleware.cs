namespace M365Scanner.GraphEmulator.Faults;

/// <summary>Records each answered request in the <see cref="RequestLog"/> (control routes excluded).</summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, RequestLog log, TimeProvider time)
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
                log.Add(new LoggedRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Response.StatusCode, time.GetUtcNow(),
                    context.Request.QueryString.Value ?? "", ResponseSize.Of(context)));
        }
    }
}
