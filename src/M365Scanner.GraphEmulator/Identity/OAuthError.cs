namespace M365Scanner.GraphEmulator.Identity;

/// <summary>Entra ID's token-endpoint error body (what MSAL parses into MsalServiceException).</summary>
internal static class OAuthError
{
    public static IResult Result(int status, string error, int code, string description)
    {
        var now = DateTime.UtcNow;
        var trace = Guid.NewGuid().ToString();
        return TypedResults.Json(new Dictionary<string, object>
        {
            ["error"] = error,
            ["error_description"] = $"AADSTS{code}: {description} Trace ID: {trace} Correlation ID: {trace} Timestamp: {now:yyyy-MM-dd HH:mm:ssZ}",
            ["error_codes"] = new[] { code },
            ["timestamp"] = now.ToString("yyyy-MM-dd HH:mm:ssZ"),
            ["trace_id"] = trace,
            ["correlation_id"] = trace,
        }, statusCode: status);
    }
}
