using M365Scanner.Graph.Clients;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace M365Scanner.Host.Telemetry;

public static class ScannerTelemetryExtensions
{
    /// <summary>The metrics (<see cref="ScannerMetrics"/>, section "Telemetry", validated at start), and OpenTelemetry
    /// with its OTLP exporter only when <c>Telemetry:OtlpEndpoint</c> is set: otherwise no SDK runs at all.</summary>
    public static IHostApplicationBuilder AddScannerTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ScannerMetrics>();
        var telemetry = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (string.IsNullOrWhiteSpace(telemetry.OtlpEndpoint))
            return builder;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(telemetry.ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(GraphMetrics.MeterName)
                .AddOtlpExporter(otlp =>
                {
                    otlp.Endpoint = new Uri(telemetry.OtlpEndpoint);
                    otlp.Protocol = telemetry.OtlpProtocol == "HttpProtobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                }));
        return builder;
    }
}
