using System.Collections.Concurrent;
using System.Diagnostics;
using M365Scanner.Host.Scanning;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace M365Scanner.Host.Load;

/// <summary>
/// Server-side time of every POST to the host's notification endpoint, from the first middleware to the end of the
/// pipeline (the 202 is written by then): what the host adds to Graph's wait, without the loopback round trip.
/// Installed as a startup filter, so it wraps the host's own pipeline unchanged. Samples go to the current phase.
/// </summary>
internal sealed class WebhookTimings : IStartupFilter
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<(double Millis, int Status)>> _byPhase = new();

    public string Phase { get; set; } = "start-up";

    public IReadOnlyList<(double Millis, int Status)> For(string phase) =>
        _byPhase.TryGetValue(phase, out var bag) ? bag.ToArray() : [];

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (HttpContext context, RequestDelegate inner) =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != GraphNotificationsApi.NotificationsPath)
            {
                await inner(context);
                return;
            }
            var started = Stopwatch.GetTimestamp();
            await inner(context);
            _byPhase.GetOrAdd(Phase, _ => []).Add((Stopwatch.GetElapsedTime(started).TotalMilliseconds, context.Response.StatusCode));
        });
        next(app);
    };
}
