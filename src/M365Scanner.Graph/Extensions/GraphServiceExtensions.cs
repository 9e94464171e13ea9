using M365Scanner.Graph.Clients;
using M365Scanner.Graph.Users;
using M365Scanner.Graph.Mail;
using M365Scanner.Graph.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace M365Scanner.Graph.Extensions;

public static class GraphServiceExtensions
{
    /// <summary>Registers the Graph adapter with <see cref="GraphOptions"/> bound from the "Graph" section and
    /// validated when the host starts, so a wrong setting fails start-up with its name.</summary>
    public static IServiceCollection AddScannerGraph(this IServiceCollection services)
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GraphMetrics>();
        services.TryAddSingleton<TenantGraphClients>();
        // A key of this process alone: a host registers one derived from its deployment's key before calling this, so
        // that its markers verify after a restart and on its other hosts.
        services.TryAddSingleton(sp => OwnMessageMarker.OfThisProcess(
            sp.GetService<Microsoft.Extensions.Logging.ILogger<OwnMessageMarker>>()));
        services.TryAddSingleton(sp => new GraphMailbox(sp.GetRequiredService<TenantGraphClients>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraphOptions>>(), sp.GetRequiredService<OwnMessageMarker>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new GraphSubscriptions(sp.GetRequiredService<TenantGraphClients>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<GraphOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<InboxDelta>();
        services.TryAddSingleton<GraphUsers>();
        services.TryAddSingleton<ScannerCopies>();
        services.TryAddSingleton<FolderHistory>();
        services.TryAddSingleton<FolderMessages>();
        return services;
    }
}
