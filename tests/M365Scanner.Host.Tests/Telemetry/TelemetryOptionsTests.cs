using System.ComponentModel.DataAnnotations;
using M365Scanner.Host.Telemetry;

namespace M365Scanner.Host.Tests.Telemetry;

public class TelemetryOptionsTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)] // Telemetry__OtlpEndpoint= in a deployment's environment: no exporter, not a failed start
    [InlineData("http://otel-collector:4317", true)]
    [InlineData("https://collector.example/v1/metrics", true)]
    [InlineData("otel-collector:4317", false)]
    [InlineData("ftp://collector", false)]
    public void OtlpEndpoint_IsAnHttpUrlOrNothing(string? endpoint, bool valid)
    {
        var options = new TelemetryOptions { OtlpEndpoint = endpoint };
        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }
}
