using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace M365Scanner.Host.Tests.TestSupport;

/// <summary>A webhook receiver on 127.0.0.1 (Kestrel, a free port): records every POST it gets (path, headers, body) and
/// answers with the status <see cref="Answer"/> picks for the n-th request of its path (1-based).</summary>
public sealed class AlertReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedAlert> _received = new();

    private AlertReceiver(WebApplication app) => _app = app;

    /// <summary>The status for the n-th request to a path; 200 unless a test says otherwise.</summary>
    public Func<string, int, int> Answer { get; set; } = (_, _) => 200;

    /// <summary>A Retry-After (seconds) sent with every answer, when set.</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>A Location sent with every answer, when set (for redirects).</summary>
    public string? Location { get; set; }

    /// <summary>Set: the answer's body repeats the request's path and query, as some receivers' error pages do.</summary>
    public bool EchoRequest { get; set; }

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<ReceivedAlert> Received => [.. _received];

    public IReadOnlyList<ReceivedAlert> At(string path) => [.. _received.Where(r => r.Path == path)];

    public static async Task<AlertReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new AlertReceiver(app);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var path = context.Request.Path.Value ?? "";
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var status = receiver.Answer(path, receiver.At(path).Count + 1);
            receiver._received.Enqueue(new ReceivedAlert(path, headers, body.ToArray(), status, DateTimeOffset.UtcNow));
            if (receiver.RetryAfterSeconds is { } seconds)
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (receiver.Location is { } location)
                context.Response.Headers.Location = location;
            // A 204 may carry no body.
            var text = receiver.EchoRequest ? $"no hook at {context.Request.Path}{context.Request.QueryString}" : $"answer {status}";
            return status == 204 ? Results.StatusCode(status) : Results.Text(text, statusCode: status);
        });
        await app.StartAsync();
        receiver.BaseUrl = app.Urls.Single();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One POST the receiver got, and the status it answered.</summary>
public sealed record ReceivedAlert(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int Status, DateTimeOffset At)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
