using Microsoft.AspNetCore.Http.Features;

namespace M365Scanner.GraphEmulator.Graph;

/// <summary>Refuses a Graph request whose body is over <see cref="GraphLimits.MaxRequestBodyBytes"/> as Graph does: 413
/// before the handler runs, so a client that sends a large attachment inline fails here as it would against the service.
/// Control routes (seeding) and upload-session ranges (their own limit) are not Graph requests.</summary>
/// <remarks>The status and message are Graph's as reported (see <see cref="GraphLimits"/>); the error code is not
/// documented, so the emulator names it RequestEntityTooLarge. A body without Content-Length (chunked) is cut off by
/// Kestrel at the same limit.</remarks>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/v1.0") || context.Request.Path.StartsWithSegments("/beta"))
        {
            if (context.Request.ContentLength > GraphLimits.MaxRequestBodyBytes)
            {
                await new GraphError(413, "RequestEntityTooLarge", "The maximum request length supported is 4MB.").ExecuteAsync(context);
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = GraphLimits.MaxRequestBodyBytes;
        }
        await next(context);
    }
}
