using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace M365Scanner.Host.Tests.TestSupport;

/// <summary>
/// The one public webhook URL in front of several host instances, as a load balancer in a deployment: forwards every
/// request (method, path, query string, headers, body) to the hosts round-robin, and when the connection to one fails
/// (refused because the instance is gone, or broken mid-request) tries the next, like a balancer that retries on
/// another instance; 502 when none answers, which Graph (here the emulator) retries later.
/// It can also send a fraction of the notification POSTs to every host at once, so that two instances receive the same
/// notification at the same moment: the case "exactly once in effect" must survive.
/// <para>Hand-written on purpose, about a hundred lines over Kestrel and HttpClient: it is a test fixture whose
/// behaviour (duplication, failover, counters) the tests need to control, and a reverse-proxy library (YARP) would be
/// a production-grade dependency for a few lines of test code.</para>
/// </summary>
public sealed class WebhookProxy : IAsyncDisposable
{
    private const string NotificationsPath = "/api/graph/notifications";
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Host", "Content-Length",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(2),
        PooledConnectionLifetime = TimeSpan.FromSeconds(30),
    }) { Timeout = TimeSpan.FromSeconds(15) };
    private readonly ConcurrentDictionary<string, int> _forwarded = new();
    private readonly ConcurrentQueue<(double Millis, int Status)> _notificationTimes = new();
    private volatile string[] _backends;
    private int _next;
    private long _duplicateCredit; // in millionths: adds the fraction per notification POST, duplicates at one whole
    private int _duplicated, _failovers, _unavailable;

    private WebhookProxy(WebApplication app, string[] backends, double duplicateFraction)
    {
        _app = app;
        _backends = backends;
        DuplicateFraction = duplicateFraction;
    }

    /// <summary>The public base URL (http://127.0.0.1:port), to set as Scanner:PublicBaseUrl of every host.</summary>
    public string Url { get; private set; } = "";

    /// <summary>Share of notification POSTs (0-1) sent to every host instead of one, spread evenly (deterministic).</summary>
    public double DuplicateFraction { get; set; }

    /// <summary>Requests forwarded per host base URL (duplicates included).</summary>
    public IReadOnlyDictionary<string, int> Forwarded => _forwarded;
    public int Duplicated => Volatile.Read(ref _duplicated);
    public int Failovers => Volatile.Read(ref _failovers);
    public int Unavailable => Volatile.Read(ref _unavailable);

    /// <summary>Time the proxy took to answer each notification POST (forwarding included) and the status it answered.</summary>
    public IReadOnlyList<(double Millis, int Status)> NotificationTimes => _notificationTimes.ToArray();

    public static async Task<WebhookProxy> StartAsync(IEnumerable<string> backends, double duplicateFraction = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var proxy = new WebhookProxy(app, [.. backends], duplicateFraction);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        proxy.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
        return proxy;
    }

    /// <summary>Replaces the hosts requests go to (e.g. after one was started anew on another port).</summary>
    public void SetBackends(IEnumerable<string> backends) => _backends = [.. backends];

    private async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var isNotification = HttpMethods.IsPost(request.Method) && request.Path == NotificationsPath && !request.Query.ContainsKey("validationToken");

        var backends = _backends;
        var first = (int)((uint)Interlocked.Increment(ref _next) % (uint)backends.Length);
        HttpResponseMessage? response = null;
        if (isNotification && ShouldDuplicate())
        {
            Interlocked.Increment(ref _duplicated);
            // Every host at once: the copies race each other through the webhook, the queue and the scan.
            var all = await Task.WhenAll(backends.Select(b => TrySendAsync(b, request, body, context.RequestAborted)));
            response = all.FirstOrDefault(r => r is { IsSuccessStatusCode: true }) ?? all.FirstOrDefault(r => r is not null);
            foreach (var other in all.Where(r => r is not null && r != response))
                other!.Dispose();
        }
        for (var i = 0; response is null && i < backends.Length; i++)
        {
            response = await TrySendAsync(backends[(first + i) % backends.Length], request, body, context.RequestAborted);
            if (response is null && i + 1 < backends.Length)
                Interlocked.Increment(ref _failovers);
        }

        using (response)
        {
            if (response is null)
            {
                Interlocked.Increment(ref _unavailable);
                context.Response.StatusCode = StatusCodes.Status502BadGateway;
            }
            else
            {
                context.Response.StatusCode = (int)response.StatusCode;
                foreach (var header in response.Headers.Concat(response.Content.Headers).Where(h => !HopByHop.Contains(h.Key)))
                    context.Response.Headers[header.Key] = header.Value.ToArray();
                await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
            }
        }
        if (isNotification)
            _notificationTimes.Enqueue((Stopwatch.GetElapsedTime(started).TotalMilliseconds, context.Response.StatusCode));
    }

    /// <summary>The response (body buffered), or null when the connection to <paramref name="backend"/> failed.</summary>
    private async Task<HttpResponseMessage?> TrySendAsync(string backend, HttpRequest incoming, byte[] body, CancellationToken ct)
    {
        using var outgoing = new HttpRequestMessage(new HttpMethod(incoming.Method), backend.TrimEnd('/') + incoming.Path + incoming.QueryString)
        {
            Content = new ByteArrayContent(body),
        };
        foreach (var header in incoming.Headers.Where(h => !HopByHop.Contains(h.Key)))
            if (!outgoing.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
                outgoing.Content.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
        try
        {
            var response = await _http.SendAsync(outgoing, HttpCompletionOption.ResponseContentRead, ct);
            _forwarded.AddOrUpdate(backend, 1, (_, n) => n + 1);
            return response;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return null; // the host hung (killed mid-request without a reset): treat it as gone
        }
    }

    private bool ShouldDuplicate()
    {
        var credit = Interlocked.Add(ref _duplicateCredit, (long)(DuplicateFraction * 1_000_000));
        if (credit < 1_000_000)
            return false;
        Interlocked.Add(ref _duplicateCredit, -1_000_000);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
