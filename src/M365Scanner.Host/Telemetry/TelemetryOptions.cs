using System.ComponentModel.DataAnnotations;

namespace M365Scanner.Host.Telemetry;

/// <summary>Metrics export (section "Telemetry"). Off by default: the meter "M365Scanner" is always there for
/// <c>dotnet-counters</c>, but nothing is sent anywhere until an endpoint is set.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The OTLP collector, e.g. <c>http://otel-collector:4317</c> (gRPC), or with <see cref="OtlpProtocol"/>
    /// HttpProtobuf the full metrics URL, <c>http://otel-collector:4318/v1/metrics</c> (the exporter adds no path to
    /// an endpoint it is given). Empty: no exporter. (Not [Url]: it rejects the empty string a deployment's
    /// unset <c>Telemetry__OtlpEndpoint=</c> binds to.)</summary>
    [RegularExpression(@"^https?://\S+$", ErrorMessage = "Telemetry:OtlpEndpoint must be an http(s) URL, or empty for no exporter.")]
    public string? OtlpEndpoint { get; set; }

    /// <summary>"Grpc" (the default) or "HttpProtobuf".</summary>
    [RegularExpression("^(Grpc|HttpProtobuf)$")]
    public string OtlpProtocol { get; set; } = "Grpc";

    /// <summary>The service.name resource attribute the metrics carry.</summary>
    [Required]
    public string ServiceName { get; set; } = "m365scanner";
}
