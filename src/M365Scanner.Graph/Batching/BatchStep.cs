using Microsoft.Kiota.Abstractions;

namespace M365Scanner.Graph.Batching;

/// <summary>One request of a $batch, as a factory so a throttled step can be sent again: a request's content
/// stream is consumed when the batch is serialised, so neither a <see cref="RequestInformation"/> nor an
/// <see cref="HttpRequestMessage"/> can be sent twice.</summary>
internal sealed record BatchStep(string Id, Func<RequestInformation> Request, IReadOnlyList<string>? DependsOn = null);

/// <summary>A step's final answer.</summary>
internal sealed record BatchStepResult(System.Net.HttpStatusCode Status, string Body, TimeSpan? RetryAfter)
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;
}
