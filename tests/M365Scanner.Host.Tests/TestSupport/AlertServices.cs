using M365Scanner.Host.Alerts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace M365Scanner.Host.Tests.TestSupport;

/// <summary>The alerts feature as the host registers it (settings, sender, its HTTP client), without the rest of the
/// host: for tests of one POST or of dispatchers over a shared store. Not started, so its dispatcher does not run.</summary>
public static class AlertServices
{
    public static IHost Build(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddScannerAlerts();
        return builder.Build();
    }
}
