using M365Scanner.GraphEmulator.Graph;

namespace M365Scanner.GraphEmulator.Faults;

/// <summary>Applies injected request faults to every route except the control API.</summary>
internal sealed class FaultMiddleware(RequestDelegate next, FaultInjector faults)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!faults.IsEmpty && !context.Request.Path.StartsWithSegments("/_emulator"))
        {
            var path = context.Request.Path.Value ?? "";
            // On Graph routes and Outlook's upload URLs a delay is applied after admission instead (FaultInjector.DelayAsync,
            // from GraphAuthFilter and UploadSessionsApi), so that a slow request holds its mailbox slot as a slow backend does.
            var admitted = context.Request.Path.StartsWithSegments("/v1.0") || context.Request.Path.StartsWithSegments("/beta") ||
                           context.Request.Path.StartsWithSegments("/outlook");
            var rule = admitted
                ? faults.Take(context.Request.Method, path, FaultKind.TooManyRequests, FaultKind.ServiceUnavailable)
                : faults.Take(context.Request.Method, path, FaultKind.TooManyRequests, FaultKind.ServiceUnavailable, FaultKind.Delay);
            switch (rule?.Kind)
            {
                case FaultKind.TooManyRequests:
                    await new GraphError(429, "TooManyRequests", "Too many requests. Please retry after the time given in Retry-After.")
                        .WithHeader("Retry-After", rule.RetryAfterSeconds.ToString()).ExecuteAsync(context);
                    return;
                case FaultKind.ServiceUnavailable:
                    await new GraphError(503, "serviceNotAvailable", "The service is temporarily unavailable. Please retry later.")
                        .WithHeader("Retry-After", rule.RetryAfterSeconds.ToString()).ExecuteAsync(context);
                    return;
                case FaultKind.Delay:
                    await Task.Delay(rule.Delay, context.RequestAborted);
                    break;
            }
        }
        await next(context);
    }
}
