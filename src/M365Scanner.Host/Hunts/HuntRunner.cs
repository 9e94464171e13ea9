using M365Scanner.Core.Hunting;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.Mailboxes;
using M365Scanner.Host.Scanning;
using M365Scanner.Host.Tenants;

namespace M365Scanner.Host.Hunts;

/// <summary>
/// Runs one hunt over the inbox of every monitored mailbox in its scope, reading the window's messages with their
/// attachments (one Graph request per page of Graph:HuntPageSize, 100 by default) and acting through <see cref="MessageActions"/>, so the audit log
/// and its idempotency are the live path's:
/// <list type="bullet">
/// <item>IOC hunt: a message carrying the indicator (in its sender, its bodies or its attachments, PDFs included,
/// after unwrapping) is quarantined. Indicators are confirmed-malicious, so there is no rewrite and no
/// established-correspondent exception: a partner's hijacked account is exactly the case to pull whole. It also reads
/// the scanner's quarantine folder, where the original of a rewritten message sits (its copy in the Inbox no longer
/// carries the indicator): a match there is reported "already acted" with the action that put it there, never acted on again.
/// A hunt of a sender reads no attachment bytes: it matches on the sender alone.</item>
/// <item>Retro-hunt: each message is scored again with today's graph and policy (at its delivery time, so the
/// time-based signals mean what they meant then) and checked against every indicator hunted before; what is now
/// flagged gets the action today's policy plans. Nothing is learned: the message was learned once, when delivered.
/// The scanner's own rewritten copies are skipped, and so is a message the audit log shows was already rewritten,
/// quarantined or released by an admin.</item>
/// </list>
/// Nothing is acted on when the hunt was started without acting or the mailbox's tenant's policy is report-only: matches are reported.
/// Every action is audited as its requester's (<see cref="AuditActor.For"/>): the person who started the hunt, or the
/// scanner for a scheduled or feed hunt, with the hunt's id beside it.
/// </summary>
public sealed class HuntRunner(
    IMonitoredMailboxes monitored, IMailboxHistory history, TenantScanners scanners, MessageLinkExtractor extractor,
    MessageActions actions, IAuditLog audit, IVerdictStore verdicts, IHuntStore store, TimeProvider clock,
    ILogger<HuntRunner> log)
{
    public const string Folder = "inbox";

    /// <summary>How often (in messages) a running hunt saves its progress for the API and the dashboard.</summary>
    public const int ProgressEvery = 250;

    /// <exception cref="InvalidOperationException">No hunt has that id.</exception>
    public async Task<HuntReport> RunAsync(string huntId, CancellationToken ct)
    {
        var report = store.Get(huntId) ?? throw new InvalidOperationException($"no hunt {huntId}");
        if (report.State == HuntState.Completed)
            return report;
        var started = clock.GetUtcNow();
        report = report with
        {
            State = HuntState.Running, StartedAt = started, FinishedAt = null, MailboxesExamined = 0, MessagesExamined = 0,
            ActedOn = 0, Matches = [], Errors = [],
        };
        store.Save(report);
        await CompleteInterruptedMovesAsync(report.Id, ct);

        var run = new Run(report, Matcher(report), report.Act);
        try
        {
            var since = started.AddHours(-report.WindowHours);
            // A sender indicator matches on the sender alone: reading attachment bytes (one request per message with
            // attachments, most of a hunt's requests) would buy nothing. Retro-hunts score the whole message.
            var attachmentBytes = !(report.Kind == HuntKind.Ioc && run.Matcher.Indicators.All(i => i.Kind == IndicatorKind.Sender));
            foreach (var m in monitored.All().Where(m => report.TenantId is null ||
                                                         string.Equals(m.TenantId, report.TenantId, StringComparison.OrdinalIgnoreCase)))
            {
                try
                {
                    await foreach (var message in history.RecentMessagesAsync(m.TenantId, m.Mailbox, Folder, since, attachmentBytes, ct))
                        await ExamineOneAsync(run, m, message, inQuarantine: false, ct);
                    // The original of a rewritten message, and a quarantined one, sit in the scanner's quarantine
                    // folder: an IOC hunt reports them there as already acted on (a retro-hunt re-judges only what
                    // users can still open).
                    if (report.Kind == HuntKind.Ioc)
                        await foreach (var message in history.QuarantinedMessagesAsync(m.TenantId, m.Mailbox, since, attachmentBytes, ct))
                            await ExamineOneAsync(run, m, message, inQuarantine: true, ct);
                    run.Mailboxes++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    run.Errors.Add($"{m.Mailbox}: {e.Message}");
                    log.LogWarning(e, "Hunt {Hunt}: mailbox {Mailbox} could not be read to the end", huntId, m.Mailbox);
                }
            }
        }
        catch (Exception e)
        {
            store.Save(run.Report(HuntState.Failed, clock.GetUtcNow()) with { Errors = [.. run.Errors, e.Message] });
            throw;
        }
        var done = run.Report(HuntState.Completed, clock.GetUtcNow());
        store.Save(done);
        log.LogInformation("Hunt {Hunt} ({Kind} {Indicator}): {Messages} message(s) in {Mailboxes} mailbox(es), {Matched} matched, " +
                           "{Acted} acted on, {Errors} error(s) in {Duration}", huntId, StableName.Of(report.Kind), report.Indicator, done.MessagesExamined,
            done.MailboxesExamined, done.Matches.Count, done.ActedOn, done.Errors.Count, done.Duration);
        return done;
    }

    private async Task ExamineOneAsync(Run run, MonitoredMailbox m, FetchedMessage message, bool inQuarantine, CancellationToken ct)
    {
        // Moved to quarantine by this very run: already examined and reported from the Inbox.
        if (inQuarantine && run.Matches.Any(x => x.Mailbox == m.Mailbox && x.InternetMessageId == message.Message.InternetMessageId))
            return;
        run.Messages++;
        try
        {
            if (await ExamineAsync(run, m, message, inQuarantine, ct) is { } match)
                run.Matches.Add(match);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            run.Errors.Add($"{m.Mailbox} message {message.Id}: {e.Message}");
            log.LogWarning(e, "Hunt {Hunt}: message {Message} in {Mailbox} failed", run.Started.Id, message.Id, m.Mailbox);
        }
        if (run.Messages % ProgressEvery == 0)
            store.Save(run.Report(HuntState.Running, null));
    }

    /// <summary>
    /// A run of this hunt whose host stopped may have moved a message into quarantine without recording it: the entry
    /// is still "started" (quarantine) or "copied" (rewrite), and the message is no longer in the inbox this run
    /// reads, so only this finds it again (by its Message-ID, in quarantine) and completes the entry, which a release
    /// needs. Found through the entries' hunt id, whoever the hunt's requester. A first run has none: one indexed query.
    /// </summary>
    private async Task CompleteInterruptedMovesAsync(string huntId, CancellationToken ct)
    {
        var interrupted = audit.Query(huntId: huntId, limit: 1000)
            .Where(e => e is { Action: AuditAction.Quarantine, State: AuditState.Started } or { Action: AuditAction.Rewrite, State: AuditState.Copied })
            .Select(e => e.Key).Distinct();
        foreach (var key in interrupted)
        {
            if (await actions.CompleteInterruptedMoveAsync(key, ct) is { State: AuditState.Completed } done)
                log.LogInformation("Hunt {Hunt}: completed its interrupted {Action} of {Message} in {Mailbox}", huntId,
                    StableName.Of(done.Action), key.MessageId, key.Mailbox);
        }
    }

    private IndicatorMatcher Matcher(HuntReport report)
    {
        if (report.Kind == HuntKind.Ioc)
            return new IndicatorMatcher([Indicator.Parse(report.Indicator ?? throw new InvalidOperationException($"hunt {report.Id} has no indicator"))]);
        var known = store.HuntedIndicators().Select(text => Indicator.TryParse(text, out var i) ? i : null).OfType<Indicator>();
        return new IndicatorMatcher(known);
    }

    private async Task<HuntMatch?> ExamineAsync(Run run, MonitoredMailbox m, FetchedMessage message, bool inQuarantine, CancellationToken ct)
    {
        var isRetro = run.Started.Kind == HuntKind.Retro;
        // A rewritten copy is re-examined by an IOC hunt (an indicator that survived the rewrite must still go) but
        // not re-scored: its blocked-link URLs would score as links of their own.
        if (isRetro && message.ScannerCopyOf is not null)
            return null;
        var key = MessageKey.Of(m.TenantId, m.Mailbox, message.Message.InternetMessageId, message.Id);
        if (isRetro && AlreadyActedOn(key))
            return null;
        // A message not scanned yet belongs to its scan job: a retro-hunt that moved it first left that job finding it
        // gone, and the message without a verdict (the hourly hunt firing under the multi-host test showed it). Its
        // scan, or the next retro-hunt, judges it.
        if (isRetro && verdicts.Get(key) is null)
            return null;

        if (!isRetro)
        {
            var hits = run.Matcher.Match(message.Message, extractor.Extract(message.Message).Links);
            if (hits.Count == 0)
                return null;
            if (!inQuarantine)
                return await QuarantineAsync(run, m, key, message, Describe(hits), ct);
            return AlreadyActed(m, key, message, Describe(hits));
        }

        var tenant = scanners.For(m.TenantId);
        var verdict = tenant.Scanner.Scan(message.Message, m.Mailbox, tenant.Graph, message.Message.ReceivedAt ?? clock.GetUtcNow());
        var known = run.Matcher.Match(message.Message, verdict.Extraction.Links);
        if (known.Count > 0)
            return await QuarantineAsync(run, m, key, message, "known indicator: " + Describe(known), ct);
        if (verdict.Plan.Action == MessageAction.Allow)
            return null;
        var reason = verdict.Plan.Explanation;
        if (!run.Enforce || !verdict.Plan.Enforced)
            return Match(m, message, reason, "report", null);
        var plan = verdict.Plan with { Explanation = $"retro-hunt {run.Started.Id}: {reason}" };
        var done = await actions.CarryOutAsync(key, message, verdict with { Plan = plan }, AuditActor.For(run.Started), ct);
        var action = done == MessageAction.Rewrite ? AuditAction.Rewrite : AuditAction.Quarantine;
        run.ActedOn++;
        return Match(m, message, reason, StableName.Of(action), audit.Latest(key, action)?.Id);
    }

    private async Task<HuntMatch> QuarantineAsync(Run run, MonitoredMailbox m, MessageKey key, FetchedMessage message, string reason,
        CancellationToken ct)
    {
        if (!run.Enforce || scanners.For(m.TenantId).Policy.Mode != PolicyMode.Enforce)
            return Match(m, message, reason, "report", null);
        await actions.QuarantineAsync(key, message, $"{StableName.Of(run.Started.Kind)} hunt {run.Started.Id}: {reason}", AuditActor.For(run.Started), ct);
        run.ActedOn++;
        return Match(m, message, reason, StableName.Of(AuditAction.Quarantine), audit.Latest(key, AuditAction.Quarantine)?.Id);
    }

    /// <summary>A match in the quarantine folder, reported with the action that put it there (the latest rewrite or
    /// quarantine in the audit log) and not acted on.</summary>
    private HuntMatch AlreadyActed(MonitoredMailbox m, MessageKey key, FetchedMessage message, string hits)
    {
        var earlier = new[] { audit.Latest(key, AuditAction.Rewrite), audit.Latest(key, AuditAction.Quarantine) }
            .OfType<AuditEntry>().MaxBy(e => e.Id);
        var what = earlier is null ? "in quarantine" : $"{StableName.Of(earlier.Action)} ({StableName.Of(earlier.State)}), original in quarantine";
        return Match(m, message, $"{hits}; already acted on: {what}", "already acted", earlier?.Id);
    }

    private bool AlreadyActedOn(MessageKey key) =>
        audit.Latest(key, AuditAction.Quarantine)?.State is AuditState.Completed or AuditState.Released ||
        audit.Latest(key, AuditAction.Rewrite)?.State is AuditState.Completed or AuditState.Released;

    private static string Describe(IReadOnlyList<IndicatorHit> hits) => string.Join("; ", hits.Select(h => $"{h.Indicator} in {h.Where}"));

    private static HuntMatch Match(MonitoredMailbox m, FetchedMessage message, string reason, string action, long? auditId) =>
        new(m.TenantId, m.Mailbox, message.Id, message.Message.InternetMessageId, message.Message.Subject,
            (message.Message.From ?? message.Message.Sender)?.Address, reason, action, auditId);

    /// <summary>One hunt's counters while it runs.</summary>
    /// <param name="enforce">Whether the hunt was started to act; each tenant's policy mode still decides for its mailboxes.</param>
    private sealed class Run(HuntReport started, IndicatorMatcher matcher, bool enforce)
    {
        public HuntReport Started { get; } = started;
        public IndicatorMatcher Matcher { get; } = matcher;
        public bool Enforce { get; } = enforce;
        public int Mailboxes { get; set; }
        public int Messages { get; set; }
        public int ActedOn { get; set; }
        public List<HuntMatch> Matches { get; } = [];
        public List<string> Errors { get; } = [];

        public HuntReport Report(HuntState state, DateTimeOffset? finishedAt) => Started with
        {
            State = state, FinishedAt = finishedAt, MailboxesExamined = Mailboxes, MessagesExamined = Messages, ActedOn = ActedOn,
            Matches = [.. Matches], Errors = [.. Errors],
        };
    }
}
