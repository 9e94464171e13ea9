using M365Scanner.Host.Baselines;
using M365Scanner.Host.Scanning;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.TestSupport;

/// <summary>Puts the tests' fault injectors in place of the product's no-ops: one of each per host, reachable by its
/// own type (to set a hook) and by the interface the host asks for.</summary>
public static class TestFaults
{
    public static IServiceCollection AddTestFaults(this IServiceCollection services)
    {
        services.AddSingleton<ActionFaults>();
        services.AddSingleton<IActionFaults>(sp => sp.GetRequiredService<ActionFaults>());
        services.AddSingleton<BaselineFaults>();
        services.AddSingleton<IBaselineFaults>(sp => sp.GetRequiredService<BaselineFaults>());
        services.AddSingleton<ScanFaults>();
        services.AddSingleton<IScanFaults>(sp => sp.GetRequiredService<ScanFaults>());
        return services;
    }
}
