using System.Net;
using Microsoft.Graph;

namespace M365Scanner.Graph.Batching;

/// <summary>Sends steps in $batch requests of up to 20 and re-sends the steps Graph throttled (429, 503, 504, and
/// the 424s whose dependency was throttled), after the longest Retry-After among them. The SDK's retry handler sees
/// only the outer 200 of a batch, so step-level throttling has to be handled here.</summary>
/// <remarks>Each attempt is built afresh from the steps: the SDK's NewBatchWithFailedRequests was seen to drop
/// dependsOn (the delete of a replaced message ran although its create had been throttled).</remarks>
internal sealed class BatchRunner(TimeProvider time, int maxAttempts)
{
    public const int MaxStepsPerBatch = 20;

    private static readonly HashSet<HttpStatusCode> Retryable =
        [HttpStatusCode.TooManyRequests, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout];

    /// <summary>Runs the steps (dependent steps must be in the same chunk of 20); returns each step's final answer.</summary>
    public async Task<IReadOnlyDictionary<string, BatchStepResult>> RunAsync(GraphServiceClient graph, IReadOnlyList<BatchStep> steps,
        CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, BatchStepResult>(StringComparer.Ordinal);
        foreach (var chunk in steps.Chunk(MaxStepsPerBatch))
            await RunChunkAsync(graph, chunk, results, cancellationToken).ConfigureAwait(false);
        return results;
    }

    private async Task RunChunkAsync(GraphServiceClient graph, BatchStep[] chunk, Dictionary<string, BatchStepResult> results, CancellationToken cancellationToken)
    {
        var pending = chunk.ToList();
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var content = new BatchRequestContentCollection(graph, MaxStepsPerBatch);
            var ids = pending.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var step in pending)
            {
                var message = await graph.RequestAdapter.ConvertToNativeRequestAsync<HttpRequestMessage>(step.Request(), cancellationToken).ConfigureAwait(false);
                // A dependency that already succeeded in an earlier attempt is not in this batch.
                var dependsOn = step.DependsOn?.Where(ids.Contains).ToList();
                content.AddBatchRequestStep(new BatchRequestStep(step.Id, message!, dependsOn is { Count: > 0 } ? dependsOn : null));
            }
            var response = await graph.Batch.PostAsync(content, cancellationToken).ConfigureAwait(false);
            foreach (var step in pending)
                results[step.Id] = await ReadAsync(response, step.Id).ConfigureAwait(false);

            var throttled = pending.Where(s => Retryable.Contains(results[s.Id].Status)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            if (throttled.Count == 0 || attempt >= maxAttempts) return;
            // Steps that failed only because a throttled step they depend on did go again with it.
            pending = [.. pending.Where(s => throttled.Contains(s.Id)
                || (results[s.Id].Status == HttpStatusCode.FailedDependency && (s.DependsOn ?? []).Any(throttled.Contains)))];
            var wait = pending.Select(s => results[s.Id].RetryAfter ?? TimeSpan.Zero).Max();
            await Task.Delay(Clamp(wait), time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<BatchStepResult> ReadAsync(BatchResponseContentCollection response, string id)
    {
        using var step = await response.GetResponseByIdAsync(id).ConfigureAwait(false);
        if (step is null) return new BatchStepResult(HttpStatusCode.FailedDependency, "", null);
        var body = step.Content is null ? "" : await step.Content.ReadAsStringAsync().ConfigureAwait(false);
        return new BatchStepResult(step.StatusCode, body, step.Headers.RetryAfter?.Delta);
    }

    // At least a second (Graph's advice when Retry-After is absent), and a confused Retry-After must not park a worker for hours.
    private static TimeSpan Clamp(TimeSpan wait) =>
        wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait > TimeSpan.FromMinutes(2) ? TimeSpan.FromMinutes(2) : wait;
}
