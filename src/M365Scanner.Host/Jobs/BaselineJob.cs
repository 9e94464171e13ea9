using System.ComponentModel;
using Hangfire;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Host.Mailboxes;
using M365Scanner.Host.Scanning;

namespace M365Scanner.Host.Jobs;

/// <summary>
/// Learns a mailbox's recent history into its tenant's correspondence graph: the Sent Items (whom the user writes
/// to) and the Inbox (who writes, and which links they send). History is taken as normal and is not scored.
/// </summary>
public sealed class BaselineJob(IMailboxClient mailboxes, TenantScanners scanners, MessageLinkExtractor extractor,
    TimeProvider clock, ILogger<BaselineJob> log)
{
    public static readonly string[] Folders = ["sentitems", "inbox"];

    [Queue(JobQueues.Baselines)]
    [DisplayName("Baseline {1} (tenant {0})")]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [5, 60, 600])]
    public async Task RunAsync(string tenantId, string mailbox, int days, CancellationToken ct)
    {
        var tenant = scanners.For(tenantId);
        var since = clock.GetUtcNow().AddDays(-days);
        var learned = 0;
        foreach (var folder in Folders)
        {
            using var batch = tenant.Graph.Store.BeginBatch();
            await foreach (var message in mailboxes.HistoryAsync(tenantId, mailbox, folder, since, ct))
            {
                var at = message.Message.EffectiveDate ?? since;
                tenant.Graph.Learn(message.Message, mailbox, extractor.Extract(message.Message).Links, at);
                learned++;
            }
        }
        log.LogInformation("Baseline of {Mailbox}: learned {Count} message(s) of the last {Days} days", mailbox, learned, days);
    }
}
