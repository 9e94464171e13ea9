using System.ComponentModel;
using System.Text.Json;
using Hangfire;
using Hangfire.Server;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Scanning;
using M365Scanner.Host.Actions;
using M365Scanner.Host.Mailboxes;
using M365Scanner.Host.Scanning;
using M365Scanner.Host.Telemetry;

namespace M365Scanner.Host.Jobs;

/// <summary>
/// The scan of one delivered message, top to bottom: fetch it (one Graph GET), claim it (so duplicate notifications
/// and catch-up find it already taken), score it against the tenant's graph, carry out the plan, record the verdict,
/// learn from it. A retry of the same job keeps its claim and resumes an interrupted action from the audit log.
/// </summary>
public sealed class ScanMessageJob(
    IMailboxClient mailboxes, IMonitoredMailboxes monitored, TenantScanners scanners, IVerdictStore verdicts, MessageActions actions,
    IWorkerStateStore state, ScannerMetrics metrics, TimeProvider clock, ILogger<ScanMessageJob> log)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Queue(JobQueues.Scans)]
    [DisplayName("Scan message in {1} (tenant {0})")]
    // Quick first retries: most failures are Graph throttling or a moment of unavailability.
    [AutomaticRetry(Attempts = 8, DelaysInSeconds = [1, 2, 5, 15, 60, 300, 900, 3600])]
    public async Task RunAsync(string tenantId, string mailbox, string messageId, PerformContext? context, CancellationToken ct)
    {
        if (!monitored.Contains(tenantId, mailbox))
            return;
        var fetched = await mailboxes.GetMessageAsync(tenantId, mailbox, messageId, ct);
        if (fetched is null)
        {
            log.LogInformation("Message {MessageId} in {Mailbox} no longer exists; nothing to scan", messageId, mailbox);
            return;
        }
        if (fetched.ScannerCopyOf is not null)
            return; // our own rewritten copy, announced by its "created" notification

        var key = MessageKey.Of(tenantId, mailbox, fetched.Message.InternetMessageId, fetched.Id);
        var owner = context?.BackgroundJob.Id ?? $"inline-{Guid.NewGuid():N}";
        if (!verdicts.TryClaim(key, owner, clock.GetUtcNow()))
        {
            log.LogDebug("Message {Key} already scanned or being scanned; skipping", key.MessageId);
            return;
        }

        var tenant = scanners.For(tenantId);
        var now = fetched.Message.ReceivedAt ?? clock.GetUtcNow();
        var verdict = tenant.Scanner.Scan(fetched.Message, mailbox, tenant.Graph, now);
        var done = await actions.CarryOutAsync(key, fetched, verdict, ct);
        // Protection starts before the baseline ends; such a verdict says it was scored against a partial history.
        var notes = BaselineStatus.IncompleteNote(state.GetBaselineProgress(tenantId, mailbox)) is { } baseline
            ? verdict.Notes.Append(baseline) : verdict.Notes;
        verdicts.Record(new VerdictRecord(key, fetched.Id, clock.GetUtcNow(),
            ScanActionName(verdict.Plan.Action), verdict.Score.Score, verdict.Plan.Explanation, verdict.Plan.Enforced,
            JsonSerializer.Serialize(LinkReport.From(verdict), Json), string.Join('\n', notes),
            fetched.Message.Subject, (fetched.Message.From ?? fetched.Message.Sender)?.Address));
        metrics.ScanCompleted(ScanActionName(verdict.Plan.Action), fetched.Message.ReceivedAt, clock.GetUtcNow());
        MessageScanner.Learn(verdict, mailbox, tenant.Graph, now);
        log.LogInformation("Scanned {Key} in {Mailbox}: {Action} (score {Score:0.00}, {Done})", key.MessageId, mailbox,
            verdict.Plan.Action, verdict.Score.Score, verdict.Plan.Enforced ? $"carried out: {done}" : "report-only");
    }

    private static string ScanActionName(MessageAction action) => action.ToString().ToLowerInvariant();
}
