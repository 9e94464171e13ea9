using System.Text.Json;

namespace M365Scanner.GraphEmulator.Graph;

/// <summary>Turns exceptions below Graph routes into Graph error bodies: a GraphException keeps its status and
/// code; a malformed JSON body is 400 BadRequest; anything else is 500 generalException.</summary>
internal sealed class GraphErrorMiddleware(RequestDelegate next, ILogger<GraphErrorMiddleware> log)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (GraphException e) when (!context.Response.HasStarted)
        {
            await GraphError.From(e).ExecuteAsync(context);
        }
        catch (Exception e) when (e is JsonException or BadHttpRequestException && !context.Response.HasStarted)
        {
            await new GraphError(400, "BadRequest", "Unable to read JSON request payload. " + e.Message).ExecuteAsync(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            log.LogError(e, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            await new GraphError(500, "generalException", "An internal server error occurred. " + e.Message).ExecuteAsync(context);
        }
    }
}
