using System.Diagnostics.Metrics;

namespace M365Scanner.Graph.Clients;

/// <summary>
/// Graph traffic in the product's meter ("M365Scanner"): every request put on the wire, and every 429 Graph answered.
/// Counted per attempt, so a request the SDK retried three times counts three, which is what Graph's throttling
/// budget counts too. Steps inside a <c>$batch</c> are not requests of their own here (the batch is one).
/// </summary>
public sealed class GraphMetrics
{
    /// <summary>The product's meter name, shared with the host's metrics.</summary>
    public const string MeterName = "M365Scanner";

    /// <param name="meters">The host's meter factory (so each host in a process has its own instruments); without
    /// one, a meter of the process.</param>
    public GraphMetrics(IMeterFactory? meters = null)
    {
        var meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        Requests = meter.CreateCounter<long>("m365scanner.graph.requests", "{request}", "Graph requests sent (each retry counts)");
        Throttled = meter.CreateCounter<long>("m365scanner.graph.throttled", "{response}", "Graph responses 429 Too Many Requests");
    }

    public Counter<long> Requests { get; }
    public Counter<long> Throttled { get; }
}
