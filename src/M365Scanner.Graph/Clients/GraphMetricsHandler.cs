using System.Net;

namespace M365Scanner.Graph.Clients;

/// <summary>Counts each request attempt and each 429 into <see cref="GraphMetrics"/>. Innermost in the pipeline
/// (inside the retry handler), so the 429s the SDK retries away are counted too.</summary>
public sealed class GraphMetricsHandler(GraphMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        metrics.Requests.Add(1);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            metrics.Throttled.Add(1);
        return response;
    }
}
