using System.Text.Json;
using M365Scanner.Core.Links;
using M365Scanner.Core.Policy;
using M365Scanner.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace M365Scanner.Cli.Tests;

/// <summary>The offline <c>scan</c> judges as the host does: the same policy and extraction limits, read from the same
/// appsettings.json by the same section names.</summary>
public class ScannerSettingsTests
{
    [Fact]
    public void Load_GivesThePolicyAndLimitsTheHostBinds_FromTheRepositorysSettings()
    {
        var cli = ScannerSettings.Load();
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddRepositorySettings(); // the host reads the repository's file, the CLI its copy
        builder.AddScannerCore();
        using var services = builder.Services.BuildServiceProvider();

        var hostPolicy = services.GetRequiredService<IOptions<PolicyOptions>>().Value;
        var hostLimits = services.GetRequiredService<ExtractionLimits>();

        Assert.Equal(JsonSerializer.Serialize(hostPolicy), JsonSerializer.Serialize(cli.Policy));
        Assert.Equal(JsonSerializer.Serialize(hostLimits), JsonSerializer.Serialize(cli.Extraction));
        // And both are the product's defaults: the shipped file restates them, it does not change them.
        Assert.Equal(JsonSerializer.Serialize(new PolicyOptions()), JsonSerializer.Serialize(cli.Policy));
    }
}
