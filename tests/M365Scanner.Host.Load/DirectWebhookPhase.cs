using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using M365Scanner.Host.Scanning;

namespace M365Scanner.Host.Load;

/// <summary>
/// N POSTs of a valid notification body (one item, or a batch of up to 100 as Graph may send) (a real subscription id and its clientState) straight at the host's
/// webhook from a bounded number of concurrent loops, timed client-side over loopback HTTP/1.1. Each names a message
/// id that does not exist, so each scan job costs one Graph GET answered 404 and nothing else.
/// </summary>
internal static class DirectWebhookPhase
{
    public static async Task<(Percentiles ClientSide, int Errors, TimeSpan Elapsed)> RunAsync(LoadEnvironment env, string phase, int posts, int concurrency, int batch)
    {
        var subscription = env.State.Subscriptions(env.TenantId)[0];
        using var http = new HttpClient { BaseAddress = new Uri(env.BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
        string Item(int i) =>
            $$$"""{"subscriptionId":"{{{subscription.SubscriptionId}}}","clientState":"{{{subscription.ClientState}}}","changeType":"created","tenantId":"{{{env.TenantId}}}","resource":"Users/{{{subscription.Mailbox}}}/Messages/AAMkAGIloaddirect{{{i:D8}}}=","resourceData":{"@odata.type":"#Microsoft.Graph.Message","id":"AAMkAGIloaddirect{{{i:D8}}}="}}""";
        string Body(int n, int size) => $$"""{"value":[{{string.Join(',', Enumerable.Range(n * batch, size).Select(Item))}}]}""";

        // Warm-up (connections, JIT of the client path), one notification each, not measured.
        for (var i = 0; i < 20; i++)
            (await http.PostAsync(GraphNotificationsApi.NotificationsPath, new StringContent(Body(posts + 1 + i, 1), Encoding.UTF8, "application/json"))).Dispose();

        env.BeginPhase(phase);
        var millis = new ConcurrentBag<double>();
        var errors = 0;
        var issued = 0;
        var clock = Stopwatch.StartNew();
        var deadline = TimeSpan.FromSeconds(60);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref issued)) <= posts && clock.Elapsed < deadline)
            {
                using var content = new StringContent(Body(n, batch), Encoding.UTF8, "application/json");
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.PostAsync(GraphNotificationsApi.NotificationsPath, content);
                    if ((int)response.StatusCode == 202) millis.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    else Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException) { Interlocked.Increment(ref errors); }
                catch (TaskCanceledException) { Interlocked.Increment(ref errors); }
            }
        }));
        return (new Percentiles(millis), errors, clock.Elapsed);
    }
}
