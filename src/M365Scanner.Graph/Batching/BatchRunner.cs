using System.Net;
using Microsoft.Graph;

namespace M365Scanner.Graph.Batching;

/// <summary>Sends a $batch and re-sends the steps Graph throttled (429, 503, 504 and the 424s that depended on
/// them), waiting the longest Retry-After among them. The SDK's retry handler sees only the outer 200 of a batch, so
/// step-level throttling has to be handled here.</summary>
internal sealed class BatchRunner(TimeProvider time, int maxAttempts)
{
    private static readonly HashSet<HttpStatusCode> Retryable =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout, HttpStatusCode.FailedDependency];

    /// <summary>Runs the batch; returns, per step id, the response collection that holds its final answer.</summary>
    public async Task<IReadOnlyDictionary<string, BatchResponseContentCollection>> RunAsync(
        GraphServiceClient graph, BatchRequestContentCollection batch, CancellationToken cancellationToken)
    {
        var final = new Dictionary<string, BatchResponseContentCollection>(StringComparer.Ordinal);
        for (var attempt = 1; ; attempt++)
        {
            var response = await graph.Batch.PostAsync(batch, cancellationToken).ConfigureAwait(false);
            var codes = await response.GetResponsesStatusCodesAsync().ConfigureAwait(false);
            foreach (var id in codes.Keys) final[id] = response;
            var again = codes.Where(c => Retryable.Contains(c.Value)).ToDictionary(c => c.Key, c => c.Value);
            // Only 424s left means their dependency failed for good: nothing to wait for.
            if (again.Count == 0 || again.Values.All(c => c == HttpStatusCode.FailedDependency) || attempt >= maxAttempts)
                return final;
            await Task.Delay(await RetryAfterAsync(response, again.Keys).ConfigureAwait(false), time, cancellationToken).ConfigureAwait(false);
            batch = batch.NewBatchWithFailedRequests(again);
        }
    }

    private static async Task<TimeSpan> RetryAfterAsync(BatchResponseContentCollection response, IEnumerable<string> ids)
    {
        var wait = TimeSpan.FromSeconds(1);
        foreach (var id in ids)
        {
            using var step = await response.GetResponseByIdAsync(id).ConfigureAwait(false);
            if (step?.Headers.RetryAfter?.Delta is { } delta && delta > wait) wait = delta;
        }
        // A hostile or confused Retry-After must not park a worker for hours.
        return wait > TimeSpan.FromMinutes(2) ? TimeSpan.FromMinutes(2) : wait;
    }
}
