using System.Text.Json;

namespace M365Scanner.GraphEmulator.Graph;

/// <summary>Graph's error body: {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}},
/// always JSON, never text.</summary>
public sealed class GraphError(int status, string code, string message) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => status;
    public string Code => code;
    public string Message => message;

    /// <summary>Response headers to add (Retry-After, WWW-Authenticate).</summary>
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static GraphError From(GraphException e) => new(e.Status, e.Code, e.Message);

    public GraphError WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }

    public async Task ExecuteAsync(HttpContext context)
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in Headers) context.Response.Headers[name] = value;
        context.Response.ContentType = "application/json";
        var requestId = Guid.NewGuid().ToString();
        context.Response.Headers["request-id"] = requestId;
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter, GraphJson.Options);
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("code", code);
        writer.WriteString("message", message);
        writer.WriteStartObject("innerError");
        writer.WriteString("date", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss"));
        writer.WriteString("request-id", requestId);
        writer.WriteString("client-request-id", context.Request.Headers["client-request-id"].FirstOrDefault() ?? requestId);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync();
    }
}
