using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.Mailboxes;
using M365Scanner.Host.Telemetry;

namespace M365Scanner.Host.Scanning;

/// <summary>
/// What a poison message gets instead of another scan: a fail-safe verdict (quarantine, carried out through
/// <see cref="MessageActions"/> so it is audited and can be released, when the tenant's policy is Enforce; recorded
/// only when it is report-only), a poison mark for the admin list, and one warning. The recorded verdict is what
/// keeps it out of the queue for good: every later job for the message (a retry, crash recovery, catch-up, a
/// duplicate notification) finds its claim taken and returns.
/// </summary>
public sealed class PoisonContainment(
    IScanAttemptStore attempts, IVerdictStore verdicts, MessageActions actions, IVerdictHandoff handoff, ScannerMetrics metrics,
    TimeProvider clock, ILogger<PoisonContainment> log)
{
    /// <summary>The action a poison message's verdict records.</summary>
    public const MessageAction Action = MessageAction.Quarantine;

    /// <summary>Quarantines <paramref name="message"/> (Enforce) or leaves it where it is (report-only), then marks it
    /// poison and records its verdict. Idempotent: a retry after a stop part-way resumes the quarantine's audit entry.</summary>
    public async Task ContainAsync(MessageKey key, FetchedMessage message, ScanAttempts tried, PolicyOptions policy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var reason = PoisonReasons.Failed(tried);
        var enforced = policy.Mode == PolicyMode.Enforce;
        if (enforced)
            await actions.QuarantineAsync(key, message, PoisonReasons.NotePrefix + reason, AuditActor.Scanner, ct);
        Record(key, message, tried, reason, Action, enforced,
            "not scanned: the scan of this message was given up on (poison), so it is quarantined to fail safe", []);
    }

    /// <summary>For a scan resumed after its host stopped, once an earlier attempt had already moved the message into
    /// quarantine (<paramref name="doneAction"/>, "rewrite" or "quarantine"): marks it poison and records that action
    /// as its verdict, without moving anything again.</summary>
    public void ContainCarriedOut(MessageKey key, FetchedMessage message, ScanAttempts tried, MessageAction doneAction)
    {
        var reason = PoisonReasons.Failed(tried);
        Record(key, message, tried, reason, doneAction, enforced: true,
            $"not scanned again: the scan of this message was given up on (poison); the {StableName.Of(doneAction)} an earlier attempt carried out stands",
            [$"{StableName.Of(doneAction)} carried out by an earlier attempt of this scan, whose host stopped before recording it"]);
    }

    /// <summary>Marks the message poison when one of its verdict's <paramref name="notes"/> says a document killed
    /// its parse worker (<see cref="PoisonReasons.ParseWorkerDied"/>), with that note as the reason; the verdict
    /// (<paramref name="action"/>, <paramref name="enforced"/>) is recorded by the caller as usual. True when marked.</summary>
    public bool MarkIfParseWorkerDied(MessageKey key, FetchedMessage message, ScanAttempts tried, IEnumerable<string> notes,
        MessageAction action, bool enforced)
    {
        ArgumentNullException.ThrowIfNull(notes);
        if (notes.FirstOrDefault(PoisonReasons.SaysParseWorkerDied) is not { } note)
            return false;
        Mark(key, message, tried, note, action, enforced, clock.GetUtcNow());
        log.LogWarning("Message {Key} in {Mailbox} is poison ({Reason}); its verdict ({Action}) is recorded as usual", key.MessageId,
            key.Mailbox, note, StableName.Of(action));
        return true;
    }

    private void Record(MessageKey key, FetchedMessage message, ScanAttempts tried, string reason, MessageAction action, bool enforced,
        string explanation, IReadOnlyList<string> moreNotes)
    {
        var now = clock.GetUtcNow();
        var mail = message.Message;
        // Marked before the verdict: a stop in between leaves a poison message listed, and its job's retry (the claim
        // is still its own) contains it again and records the verdict.
        Mark(key, message, tried, reason, action, enforced, now);
        var record = new VerdictRecord(key, message.Id, now, action, Score: 0, explanation, enforced, LinksJson: "[]",
            string.Join('\n', [PoisonReasons.NotePrefix + reason, .. moreNotes]), mail.Subject, (mail.From ?? mail.Sender)?.Address);
        handoff.BeforeRecord(record);
        verdicts.Record(record);
        metrics.ScanCompleted(StableName.Of(action), mail.ReceivedAt, now);
        log.LogWarning("Message {Key} in {Mailbox} is poison ({Reason}): {Outcome}; it will not be scanned again", key.MessageId,
            key.Mailbox, reason, enforced ? $"{StableName.Of(action)} carried out" : $"{StableName.Of(action)} recorded (report-only)");
    }

    private void Mark(MessageKey key, FetchedMessage message, ScanAttempts tried, string reason, MessageAction action, bool enforced,
        DateTimeOffset now)
    {
        var mail = message.Message;
        attempts.MarkPoison(new PoisonMessage(key, message.Id, reason, tried.Count, tried.FirstAt, now, action, enforced,
            mail.Subject, (mail.From ?? mail.Sender)?.Address));
    }
}
