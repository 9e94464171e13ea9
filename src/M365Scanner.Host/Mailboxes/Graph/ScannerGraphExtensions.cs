using M365Scanner.Graph.Extensions;
using M365Scanner.Host.Mailboxes;

namespace M365Scanner.Host.Mailboxes.Graph;

public static class ScannerGraphExtensions
{
    /// <summary>The Graph adapter (section "Graph": endpoints, trust, per-tenant credentials) behind the worker's
    /// mailbox ports: <see cref="IMailboxMessages"/>, <see cref="IMailboxSubscriptions"/>, <see cref="IMailboxHistory"/> and <see cref="IMailboxNotices"/>.</summary>
    public static IHostApplicationBuilder AddScannerGraph(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(OwnMessageMarkerKey.Create);
        builder.Services.AddScannerGraph();
        builder.Services.AddSingleton<IMailboxMessages, GraphMailboxMessages>();
        builder.Services.AddSingleton<ReportingMailboxes>();
        builder.Services.AddSingleton<IMailboxSubscriptions, GraphMailboxSubscriptions>();
        builder.Services.AddSingleton<IMailboxHistory, GraphMailboxHistory>();
        builder.Services.AddSingleton<IMailboxNotices, GraphMailboxNotices>();
        // IMonitoredMailboxes: StoredMailboxes (configured + onboarded), registered by AddScannerOnboarding.
        return builder;
    }
}
