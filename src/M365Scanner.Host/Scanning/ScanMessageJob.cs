using System.ComponentModel;
using System.Text.Json;
using Hangfire;
using Hangfire.Server;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Scanning;
using M365Scanner.Host.Baselines;
using M365Scanner.Host.Jobs;
using M365Scanner.Host.Mailboxes;
using M365Scanner.Host.Telemetry;
using M365Scanner.Host.Tenants;

namespace M365Scanner.Host.Scanning;

/// <summary>
/// The scan of one delivered message, top to bottom: fetch it (the message with its attachments under the cap), claim it (so duplicate notifications
/// and catch-up find it already taken), count the attempt, score it against the tenant's graph, carry out the plan,
/// record the verdict, learn from it. A retry of the same job keeps its claim and resumes an interrupted action from
/// the audit log. A message whose scan has failed, or whose host died under it, <see cref="ScannerHostOptions.MaxScanAttempts"/>
/// times is not scanned again: it is poison and gets a fail-safe verdict instead (<see cref="PoisonContainment"/>).
/// </summary>
public sealed class ScanMessageJob(
    IMailboxMessages mailboxes, IMonitoredMailboxes monitored, TenantScanners scanners, IVerdictStore verdicts, IAuditLog audit, MessageActions actions,
    IWorkerStateStore state, ScanAttemptTracker attempts, PoisonContainment poison, IScanFaults faults,
    ScannerMetrics metrics, IVerdictHandoff handoff, TimeProvider clock, ILogger<ScanMessageJob> log)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The job parameter holding the key of the message this job claimed.</summary>
    public const string ClaimParameter = "ClaimedMessage";

    /// <summary>Hangfire's retries of a failed scan. <see cref="ScannerHostOptions.MaxScanAttempts"/> may not exceed
    /// it: a message whose every attempt throws is found poison on the attempt after the last counted one, which
    /// must still come.</summary>
    public const int Retries = ScannerHostOptions.ScanRetries;

    [Queue(JobQueues.Scans)]
    [DisplayName("Scan message in {1} (tenant {0})")]
    // Quick first retries: most failures are Graph throttling or a moment of unavailability.
    [AutomaticRetry(Attempts = Retries, DelaysInSeconds = [1, 2, 5, 15, 60, 300, 900, 3600])]
    public async Task RunAsync(string tenantId, string mailbox, string messageId, PerformContext? context, CancellationToken ct)
    {
        if (!monitored.Contains(tenantId, mailbox))
            return;
        // What we put in the mailbox (a rewritten copy, a notice), announced by its own "created" notification, is known
        // by the id Graph gave it at creation: not reading it saves a Graph request per rewrite or notice. One whose id
        // was not recorded (its host died between creating it and recording it) is still recognised below, by its
        // marker, at the cost of a read.
        if (audit.ActionThatCreated(tenantId, mailbox, messageId) is not null)
            return;
        var fetched = await mailboxes.GetMessageAsync(tenantId, mailbox, messageId, ct);
        if (fetched is null)
        {
            // Gone: deleted or moved by its owner, or moved into quarantine by an earlier attempt of this very job that
            // stopped (its host died) before recording the verdict; only in that last case does the job hold a claim.
            if (context?.GetJobParameter<MessageKey?>(ClaimParameter, allowStale: true) is { } claimed)
            {
                await FinishInterruptedAsync(claimed, mailbox, ct);
                return;
            }
            log.LogInformation("Message {MessageId} in {Mailbox} no longer exists; nothing to scan", messageId, mailbox);
            return;
        }
        if (fetched.ScannerCopyOf is not null)
            return;

        var key = MessageKey.Of(tenantId, mailbox, fetched.Message.InternetMessageId, fetched.Id);
        var owner = context?.BackgroundJob.Id ?? $"inline-{Guid.NewGuid():N}";
        if (!verdicts.TryClaim(key, owner, clock.GetUtcNow()))
        {
            log.LogDebug("Message {Key} already scanned or being scanned; skipping", key.MessageId);
            return;
        }

        var tenant = scanners.For(tenantId);
        var tried = attempts.Begin(key);
        if (!tried.Started)
        {
            // Kept with the job before the message moves, as for a scan's own action below.
            if (tenant.Policy.Mode == PolicyMode.Enforce)
                context?.SetJobParameter(ClaimParameter, key);
            await poison.ContainAsync(key, fetched, tried, tenant.Policy, ct);
            return;
        }
        try
        {
            await ScanAsync(key, mailbox, fetched, tenant, tried, context, ct);
        }
        catch (Exception e)
        {
            attempts.Failed(key, e, ct);
            throw;
        }
        attempts.Succeeded(key);
    }

    private async Task ScanAsync(MessageKey key, string mailbox, FetchedMessage fetched, TenantScanner tenant, ScanAttempts tried,
        PerformContext? context, CancellationToken ct)
    {
        faults.At(key, ct);
        var now = fetched.Message.ReceivedAt ?? clock.GetUtcNow();
        var verdict = tenant.Scanner.Scan(fetched.Message, mailbox, tenant.Graph, now);
        // Kept with the job before anything is moved, so that a retry which finds the message gone (a move changes its
        // id) knows which message it had claimed. Only for an action: allowed mail never moves.
        if (verdict.Plan.Enforced && verdict.Plan.Action != MessageAction.Allow)
            context?.SetJobParameter(ClaimParameter, key);
        var done = await actions.CarryOutAsync(key, fetched, verdict, AuditActor.Scanner, ct);
        var notes = verdict.Notes.Concat(faults.NotesFor(key)).ToList();
        // Protection starts before the baseline ends; such a verdict says it was scored against a partial history.
        if (BaselineStatus.IncompleteNote(state.GetBaselineProgress(key.TenantId, mailbox)) is { } baseline)
            notes.Add(baseline);
        var action = verdict.Plan.Action;
        poison.MarkIfParseWorkerDied(key, fetched, tried, notes, action, verdict.Plan.Enforced);
        Record(key, fetched, verdict, action, verdict.Plan.Enforced, notes);
        MessageScanner.Learn(verdict, mailbox, tenant.Graph, now);
        log.LogInformation("Scanned {Key} in {Mailbox}: {Action} (score {Score:0.00}, {Done})", key.MessageId, mailbox,
            verdict.Plan.Action, verdict.Score.Score, verdict.Plan.Enforced ? $"carried out: {done}" : "report-only");
    }

    /// <summary>
    /// The rest of a scan whose earlier attempt moved the message into quarantine (a rewrite's original, or a
    /// quarantine) and stopped before recording the verdict: completes the action's audit entry with the message's new
    /// id if the attempt stopped before that too, then scores the message where it now is and records the verdict with
    /// the action that was carried out. Without this the retry found the old id gone and ended, and the message kept
    /// its claim without a verdict forever (and a half-done audit entry), as the multi-host test found. The score is
    /// one more counted attempt: a message that is poison by then is recorded as such, not scored.
    /// </summary>
    private async Task FinishInterruptedAsync(MessageKey key, string mailbox, CancellationToken ct)
    {
        if (verdicts.Get(key) is not null)
            return;
        var entry = await actions.CompleteInterruptedMoveAsync(key, ct);
        var moved = entry?.OriginalMessageId is { } movedId ? await mailboxes.GetMessageAsync(key.TenantId, mailbox, movedId, ct) : null;
        if (entry is null || moved is null)
        {
            log.LogWarning("Message {Key} in {Mailbox} was claimed by an earlier attempt of this job and is gone, but not into quarantine " +
                           "by a recorded action; nothing to finish", key.MessageId, mailbox);
            return;
        }
        var tried = attempts.Begin(key);
        if (!tried.Started)
        {
            poison.ContainCarriedOut(key, moved, tried, DoneAction(entry));
            return;
        }
        try
        {
            await FinishScanAsync(key, mailbox, moved, DoneAction(entry), tried, ct);
        }
        catch (Exception e)
        {
            attempts.Failed(key, e, ct);
            throw;
        }
        attempts.Succeeded(key);
    }

    private async Task FinishScanAsync(MessageKey key, string mailbox, FetchedMessage moved, MessageAction doneAction, ScanAttempts tried,
        CancellationToken ct)
    {
        var tenant = scanners.For(key.TenantId);
        var now = moved.Message.ReceivedAt ?? clock.GetUtcNow();
        var verdict = tenant.Scanner.Scan(moved.Message, mailbox, tenant.Graph, now);
        // The earlier attempt may have stopped between its quarantine and its notice: before the verdict, which ends retries.
        if (doneAction == MessageAction.Quarantine)
            await actions.NotifyHeldAsync(key, moved.Message, LinkReport.From(verdict), ct);
        var notes = verdict.Notes.Append($"{StableName.Of(doneAction)} carried out by an earlier attempt of this scan, whose host stopped before recording it").ToList();
        poison.MarkIfParseWorkerDied(key, moved, tried, notes, doneAction, enforced: true);
        Record(key, moved, verdict, doneAction, enforced: true, notes);
        MessageScanner.Learn(verdict, mailbox, tenant.Graph, now);
        log.LogInformation("Scanned {Key} in {Mailbox}: {Action} (score {Score:0.00}, finished after an interrupted attempt)", key.MessageId,
            mailbox, StableName.Of(doneAction), verdict.Score.Score);
    }

    private void Record(MessageKey key, FetchedMessage fetched, ScanVerdict verdict, MessageAction action, bool enforced, IEnumerable<string> notes)
    {
        var record = new VerdictRecord(key, fetched.Id, clock.GetUtcNow(),
            action, verdict.Score.Score, verdict.Plan.Explanation, enforced,
            JsonSerializer.Serialize(LinkReport.From(verdict), Json), string.Join('\n', notes),
            fetched.Message.Subject, (fetched.Message.From ?? fetched.Message.Sender)?.Address);
        handoff.BeforeRecord(record);
        verdicts.Record(record);
        metrics.ScanCompleted(StableName.Of(action), fetched.Message.ReceivedAt, clock.GetUtcNow());
    }

    /// <summary>The verdict action an interrupted scan's completed rewrite or quarantine stands for.</summary>
    private static MessageAction DoneAction(AuditEntry entry) =>
        entry.Action == AuditAction.Rewrite ? MessageAction.Rewrite : MessageAction.Quarantine;
}
