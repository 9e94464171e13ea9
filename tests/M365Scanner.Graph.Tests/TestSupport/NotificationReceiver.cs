using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace M365Scanner.Graph.Tests.TestSupport;

/// <summary>A subscriber's webhook for tests: plain Kestrel on 127.0.0.1 that answers Graph's validation handshake
/// and records every notification POST (each POST is one {"value":[...]} batch).</summary>
public sealed class NotificationReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;

    private NotificationReceiver(WebApplication app, Uri baseUri)
    {
        _app = app;
        NotificationUrl = new Uri(baseUri, "notify");
        LifecycleUrl = new Uri(baseUri, "lifecycle");
    }

    public Uri NotificationUrl { get; }
    public Uri LifecycleUrl { get; }

    /// <summary>Batches received on the notification URL.</summary>
    public ConcurrentQueue<JsonElement[]> Batches { get; } = new();

    /// <summary>Items received on the lifecycle URL.</summary>
    public ConcurrentQueue<JsonElement> Lifecycle { get; } = new();

    public int Validations;
    public int Attempts;

    /// <summary>Answer this many notification POSTs with 500 before accepting.</summary>
    public void FailNext(int count) => Volatile.Write(ref _failuresLeft, count);

    /// <summary>When set, the validation answer is wrong (echoed as JSON), which Graph must refuse.</summary>
    public bool AnswerValidationWrongly { get; set; }

    public IEnumerable<JsonElement> Notifications => Batches.SelectMany(b => b);

    public static async Task<NotificationReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        NotificationReceiver? receiver = null;
        app.MapPost("/{kind}", async (HttpContext context, string kind) =>
        {
            var r = receiver!;
            if (context.Request.Query.TryGetValue("validationToken", out var token))
            {
                Interlocked.Increment(ref r.Validations);
                return r.AnswerValidationWrongly
                    ? Results.Json(token.ToString())
                    : Results.Text(token.ToString(), "text/plain");
            }
            using var doc = await JsonDocument.ParseAsync(context.Request.Body);
            var items = doc.RootElement.GetProperty("value").EnumerateArray().Select(e => e.Clone()).ToArray();
            if (kind == "lifecycle")
            {
                foreach (var item in items) r.Lifecycle.Enqueue(item);
                return Results.Accepted();
            }
            Interlocked.Increment(ref r.Attempts);
            if (Interlocked.Decrement(ref r._failuresLeft) >= 0) return Results.StatusCode(500);
            r.Batches.Enqueue(items);
            return Results.Accepted();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new NotificationReceiver(app, new Uri(address.TrimEnd('/') + "/"));
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
