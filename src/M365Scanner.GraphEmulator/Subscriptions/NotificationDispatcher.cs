using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using M365Scanner.GraphEmulator.Faults;

namespace M365Scanner.GraphEmulator.Subscriptions;

/// <summary>Sends change and lifecycle notifications like Graph: changes that arrive close together for the same URL
/// go out in one {"value":[...]} POST; a POST that fails or does not answer in time is retried with exponential
/// backoff until a bounded time has passed, then dropped. Each URL's batches are sent independently, so one slow
/// subscriber does not hold up another.</summary>
internal sealed class NotificationDispatcher : IAsyncDisposable
{
    private readonly Channel<(Uri Url, JsonObject Item)> _queue = Channel.CreateUnbounded<(Uri, JsonObject)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly NotificationDeliveryOptions _options;
    private readonly FaultInjector _faults;
    private readonly TimeProvider _time;
    private readonly ILogger<NotificationDispatcher> _log;
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<DeliveryRecord> _deliveries = new();
    private readonly Task _worker;
    private int _pending;

    public NotificationDispatcher(EmulatorOptions options, FaultInjector faults, TimeProvider time, ILogger<NotificationDispatcher> log)
    {
        _options = options.Notifications;
        _faults = faults;
        _time = time;
        _log = log;
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("M365Scanner-GraphEmulator/1.0");
        _worker = Task.Run(RunAsync);
    }

    /// <summary>Raised with the change notifications that were given up on or dropped, so the subscription engine can
    /// tell their owners with a "missed" lifecycle notification, as Graph does.</summary>
    public event Action<IReadOnlyList<JsonObject>>? Lost;

    /// <summary>Notifications queued or being sent (including retries).</summary>
    public int Pending => Volatile.Read(ref _pending);

    public IReadOnlyList<DeliveryRecord> Deliveries => _deliveries.ToArray();

    public void Enqueue(Uri url, JsonObject item)
    {
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite((url, item))) Interlocked.Decrement(ref _pending);
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stop.Token))
            {
                if (_options.BatchWindow > TimeSpan.Zero)
                    await Task.Delay(_options.BatchWindow, _time, _stop.Token);
                var batch = new List<(Uri Url, JsonObject Item)>();
                while (reader.TryRead(out var item)) batch.Add(item);
                foreach (var group in batch.GroupBy(b => b.Url))
                    foreach (var chunk in group.Select(g => g.Item).Chunk(_options.MaxBatchSize))
                        _ = SendAsync(group.Key, chunk);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested) { }
    }

    private async Task SendAsync(Uri url, JsonObject[] items)
    {
        try
        {
            var fault = _faults.Take(null, url.ToString(), FaultKind.DropNotification, FaultKind.DuplicateNotification);
            if (fault?.Kind == FaultKind.DropNotification)
            {
                _deliveries.Enqueue(new DeliveryRecord(url, items.Length, 0, false, _time.GetUtcNow()));
                Lost?.Invoke(items);
                return;
            }
            var body = new JsonObject { ["value"] = new JsonArray(items.Select(i => (JsonNode)i.DeepClone()).ToArray()) }.ToJsonString();
            if (!await DeliverWithRetryAsync(url, body, items.Length))
            {
                Lost?.Invoke(items);
                return;
            }
            if (fault?.Kind == FaultKind.DuplicateNotification)
                await DeliverWithRetryAsync(url, body, items.Length);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested) { }
        catch (Exception e)
        {
            _log.LogError(e, "Notification delivery to {Url} failed unexpectedly", url);
        }
        finally
        {
            Interlocked.Add(ref _pending, -items.Length);
        }
    }

    /// <summary>True when delivered; false when given up.</summary>
    private async Task<bool> DeliverWithRetryAsync(Uri url, string body, int count)
    {
        var started = _time.GetUtcNow();
        var delay = _options.InitialRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            if (await TryPostAsync(url, body))
            {
                _deliveries.Enqueue(new DeliveryRecord(url, count, attempt, true, _time.GetUtcNow()));
                return true;
            }
            if (_time.GetUtcNow() - started + delay > _options.GiveUpAfter)
            {
                _log.LogWarning("Gave up on {Count} notifications to {Url} after {Attempts} attempts", count, url, attempt);
                _deliveries.Enqueue(new DeliveryRecord(url, count, attempt, false, _time.GetUtcNow()));
                return false;
            }
            await Task.Delay(delay, _time, _stop.Token);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
        }
    }

    private async Task<bool> TryPostAsync(Uri url, string body)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(_options.ResponseTimeout);
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(url, content, timeout.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !_stop.IsCancellationRequested)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        try { await _worker; } catch (OperationCanceledException) { }
        _http.Dispose();
        _stop.Dispose();
    }
}
