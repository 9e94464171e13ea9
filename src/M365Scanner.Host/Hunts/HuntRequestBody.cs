using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Hunts;

/// <summary>
/// Reads a hunt route's JSON body by hand, so a missing or unreadable body is refused with a reason: the framework's
/// own binding answers a bare 400 and leaves the caller guessing.
/// </summary>
internal static class HuntRequestBody
{
    /// <summary>Hunt bodies are a handful of short fields; anything larger is not one.</summary>
    public const int MaxBytes = 16 * 1024;

    /// <summary>The body as <typeparamref name="T"/>, or why it is not one (worded for the caller, never echoing the
    /// body).</summary>
    public static async Task<(T? Value, string? Problem)> ReadAsync<T>(HttpRequest request, string example, CancellationToken ct)
        where T : class
    {
        var noBody = $"the request has no body: send a JSON object, e.g. {example}";
        if (request.ContentLength is > MaxBytes)
            return (null, $"the body is larger than {MaxBytes} bytes");
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                return (null, $"the body is larger than {MaxBytes} bytes");
            buffer.Write(chunk, 0, read);
        }
        if (buffer.GetBuffer().AsSpan(0, (int)buffer.Length).IndexOfAnyExcept(" \t\r\n"u8) < 0)
            return (null, noBody);
        var options = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            buffer.Position = 0;
            var value = await JsonSerializer.DeserializeAsync<T>(buffer, options, ct);
            return value is null ? (null, noBody) : (value, null);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 1 } path ? $" at {path}" : "";
            return (null, $"the body is not a JSON object of this route's fields{where}: send e.g. {example}");
        }
    }
}
