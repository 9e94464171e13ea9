namespace M365Scanner.Host.Scanning;

/// <summary>
/// Graph's endpoint validation: before creating (or renewing) a subscription it POSTs <c>?validationToken=...</c> and
/// expects, within 10 seconds, 200 with the token as plain text: not JSON, not quoted. Answered here, before any
/// handler runs.
/// </summary>
public sealed class ValidationTokenFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var token = context.HttpContext.Request.Query["validationToken"];
        if (token.Count > 0)
            return TypedResults.Text(token.ToString(), "text/plain", statusCode: StatusCodes.Status200OK);
        return await next(context);
    }
}

public static class ValidationTokenFilterExtensions
{
    /// <summary>Answers Graph's validation handshake on this endpoint.</summary>
    public static RouteHandlerBuilder ValidateGraphNotification(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationTokenFilter>();
}
