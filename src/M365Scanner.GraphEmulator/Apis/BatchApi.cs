using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using M365Scanner.GraphEmulator.Graph;
using M365Scanner.GraphEmulator.Tls;

namespace M365Scanner.GraphEmulator.Apis;

/// <summary>JSON batching (POST /$batch): up to 20 requests; each runs as a real request against this emulator
/// (so auth, faults and throttling apply per step, as in Graph), honouring dependsOn (a failed dependency gives
/// 424 Failed Dependency). Steps run one at a time in an order that respects dependsOn.</summary>
internal static class BatchApi
{
    public const int MaxSteps = 20;

    private sealed record Step(string Id, string Method, string Url, Dictionary<string, string> Headers, JsonElement? Body, string[] DependsOn);

    private sealed record StepResult(string Id, int Status, Dictionary<string, string> Headers, JsonElement? JsonBody, string? RawBody);

    public static RouteGroupBuilder MapBatchApi(this RouteGroupBuilder graph)
    {
        graph.MapPost("/$batch", Batch);
        return graph;
    }

    private static async Task<GraphJson> Batch(HttpContext context, JsonElement body, SelfClient self)
    {
        var steps = Parse(body);
        var version = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
        var authorization = context.Request.Headers.Authorization.ToString();
        var results = new Dictionary<string, StepResult>(StringComparer.Ordinal);
        var remaining = steps.ToList();
        while (remaining.Count > 0)
        {
            var step = remaining.First(s => s.DependsOn.All(results.ContainsKey));
            remaining.Remove(step);
            var failed = step.DependsOn.FirstOrDefault(d => results[d].Status >= 400);
            results[step.Id] = failed is not null
                ? FailedDependency(step.Id, failed)
                : await RunAsync(self.Client, context, version, authorization, step);
        }

        return GraphJson.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("responses");
            foreach (var step in steps)
            {
                var r = results[step.Id];
                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteNumber("status", r.Status);
                w.WriteStartObject("headers");
                foreach (var (name, value) in r.Headers) w.WriteString(name, value);
                w.WriteEndObject();
                if (r.JsonBody is { } json) { w.WritePropertyName("body"); json.WriteTo(w); }
                else if (r.RawBody is not null) w.WriteString("body", r.RawBody);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static List<Step> Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("requests", out var requests) || requests.ValueKind != JsonValueKind.Array)
            throw GraphException.BadRequest("Invalid batch payload format.");
        if (requests.GetArrayLength() > MaxSteps)
            throw GraphException.BadRequest($"Invalid batch payload format: the number of requests exceeds the limit of {MaxSteps}.");
        var steps = new List<Step>();
        foreach (var r in requests.EnumerateArray())
        {
            string Text(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!
                : throw GraphException.BadRequest($"Invalid batch payload format: a request lacks '{name}'.");
            var headers = r.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object
                ? h.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            JsonElement? stepBody = r.TryGetProperty("body", out var b) && b.ValueKind != JsonValueKind.Null ? b.Clone() : null;
            if (stepBody is not null && !headers.ContainsKey("Content-Type"))
                throw GraphException.BadRequest("Invalid batch payload format: a request with a body needs a Content-Type header.");
            var dependsOn = r.TryGetProperty("dependsOn", out var d) && d.ValueKind == JsonValueKind.Array
                ? d.EnumerateArray().Select(x => x.GetString() ?? "").ToArray()
                : [];
            steps.Add(new Step(Text("id"), Text("method").ToUpperInvariant(), Text("url"), headers, stepBody, dependsOn));
        }
        var ids = steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        if (ids.Count != steps.Count)
            throw GraphException.BadRequest("Invalid batch payload format: request ids must be unique.");
        if (steps.Any(s => s.DependsOn.Any(dep => !ids.Contains(dep) || dep == s.Id)))
            throw GraphException.BadRequest("Invalid batch payload format: dependsOn names an unknown request.");
        if (HasCycle(steps))
            throw GraphException.BadRequest("Invalid batch payload format: dependsOn forms a cycle.");
        return steps;
    }

    private static bool HasCycle(List<Step> steps)
    {
        var done = new HashSet<string>();
        var remaining = steps.ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining.FirstOrDefault(s => s.DependsOn.All(done.Contains));
            if (ready is null) return true;
            done.Add(ready.Id);
            remaining.Remove(ready);
        }
        return false;
    }

    private static async Task<StepResult> RunAsync(HttpClient client, HttpContext context, string version, string authorization, Step step)
    {
        var relative = step.Url.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            ? new Uri(step.Url).PathAndQuery
            : "/" + step.Url.TrimStart('/');
        if (!relative.StartsWith("/" + version + "/", StringComparison.OrdinalIgnoreCase))
            relative = "/" + version + relative;
        using var request = new HttpRequestMessage(new HttpMethod(step.Method), $"https://{context.Request.Host}{relative}");
        if (!string.IsNullOrEmpty(authorization)) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        // Steps run with the batch's own credentials; a step's Authorization header is ignored.
        foreach (var (name, value) in step.Headers)
            if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && !name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
                request.Headers.TryAddWithoutValidation(name, value);
        if (step.Body is { } body)
        {
            var contentType = MediaTypeHeaderValue.Parse(step.Headers["Content-Type"]);
            request.Content = body.ValueKind == JsonValueKind.String && contentType.MediaType != "application/json"
                ? new StringContent(body.GetString()!, Encoding.UTF8)
                : new StringContent(body.GetRawText(), Encoding.UTF8);
            request.Content.Headers.ContentType = contentType;
        }

        using var response = await client.SendAsync(request, context.RequestAborted);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            if (name is "Content-Type" or "Retry-After" or "Location" or "ETag" or "OData-Version" or "Cache-Control")
                headers[name] = string.Join(",", values);
        var bytes = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        JsonElement? json = null;
        string? raw = null;
        if (bytes.Length > 0)
        {
            if (response.Content.Headers.ContentType?.MediaType?.Contains("json") == true)
                json = JsonDocument.Parse(bytes).RootElement.Clone();
            else
                raw = Convert.ToBase64String(bytes); // Graph returns non-JSON step bodies base64-encoded
        }
        return new StepResult(step.Id, (int)response.StatusCode, headers, json, raw);
    }

    private static StepResult FailedDependency(string id, string failed)
    {
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(new
        {
            error = new { code = "FailedDependency", message = $"The request could not be processed because request {failed} it depends on failed." },
        }));
        return new StepResult(id, 424, new Dictionary<string, string> { ["Content-Type"] = "application/json" }, doc.RootElement.Clone(), null);
    }
}
