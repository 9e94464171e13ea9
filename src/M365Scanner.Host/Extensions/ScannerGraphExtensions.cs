using M365Scanner.Graph.Extensions;
using M365Scanner.Host.Mailboxes;

namespace M365Scanner.Host.Extensions;

public static class ScannerGraphExtensions
{
    /// <summary>The Graph adapter (section "Graph": endpoints, trust, per-tenant credentials) behind the worker's
    /// <see cref="IMailboxClient"/> port.</summary>
    public static IHostApplicationBuilder AddScannerGraph(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScannerGraph();
        builder.Services.AddSingleton<IMailboxClient, GraphMailboxClient>();
        // IMonitoredMailboxes: StoredMailboxes (configured + onboarded), registered by AddScannerOnboarding.
        return builder;
    }
}
