using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace M365Scanner.Host.Health;

/// <summary>The body of <c>/readyz</c>: the overall status and each dependency's, nothing more. The endpoint is
/// anonymous, so errors stay in the log (the health check service logs each failed check with its exception).</summary>
public static class HealthResponse
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
