using System.Text.Json;
using M365Scanner.Core.Links;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Remediation;
using M365Scanner.Core.Scanning;
using M365Scanner.Host.BlockedLinks;
using M365Scanner.Host.Mailboxes;

namespace M365Scanner.Host.Scanning;

/// <summary>
/// Carries out an action plan on a mailbox, idempotently and recorded step by step in the audit log:
/// <list type="bullet">
/// <item>rewrite: create the copy whose offending links point to the blocked-link page, record it, and only then move
/// the original into quarantine, so a crash at any point leaves the original, or both, never neither;</item>
/// <item>quarantine: move the message into the mailbox's hidden quarantine folder, then, when the tenant asks for it, leave
/// a notice in the Inbox (<see cref="HeldMessageNotices"/>);</item>
/// <item>release: undo either from its audit entry (original back to the inbox first, then the copy removed).</item>
/// </list>
/// A rewrite that cannot neutralise every offending link (a URL in PDF page text, an encrypted PDF) becomes a quarantine.
/// Each action holds the message's lease (<see cref="MessageLeases"/>) from reading its audit entry to its last step, so
/// two runs of one message's job never act on it at once. Every entry names on whose behalf it was made
/// (<see cref="AuditActor"/>): the scanner, or the person who started the hunt acting.
/// </summary>
public sealed class MessageActions(
    IMailboxMessages mailboxes, IAuditLog audit, LinkRewriter rewriter, BlockedLinkTokens tokens, MessageLeases leases,
    HeldMessageNotices notices, IActionFaults faults, TimeProvider clock, ILogger<MessageActions> log)
{
    public const string Scanner = "scanner";

    /// <summary>Carries out <paramref name="verdict"/>'s plan when it is enforced, recorded as <paramref name="actor"/>'s;
    /// returns what was done.</summary>
    public async Task<MessageAction> CarryOutAsync(MessageKey key, FetchedMessage message, ScanVerdict verdict, AuditActor actor, CancellationToken ct)
    {
        var plan = verdict.Plan;
        if (!plan.Enforced || plan.Action == MessageAction.Allow)
            return MessageAction.Allow;
        var reasons = Reasons(verdict);
        if (plan.Action == MessageAction.Rewrite)
        {
            var links = verdict.Extraction.Links;
            var rewrite = rewriter.Rewrite(message.Message, plan.OffendingLinks,
                link => tokens.UrlFor(new BlockedLinkToken(key.TenantId, key.Mailbox, key.MessageId, IndexOf(links, link))));
            if (rewrite.NotRewritten.Count == 0)
            {
                await using (await leases.AcquireAsync(key, ct))
                    await RewriteAsync(key, message, ToContent(message, rewrite), reasons, actor, ct);
                return MessageAction.Rewrite;
            }
            var why = string.Join("; ", rewrite.NotRewritten.Select(n => n.Detail));
            log.LogInformation("Rewrite of {Message} cannot neutralise every link ({Why}); quarantining instead", key.MessageId, why);
            reasons += $"\nquarantined instead of rewritten: {why}";
        }
        // The notice under the same lease: two runs of one job at once must not both find no notice and make one each.
        await using (await leases.AcquireAsync(key, ct))
        {
            await QuarantineAsync(key, message.Id, reasons, actor, ct);
            await notices.NotifyAsync(key, message.Message, LinkReport.From(verdict), ct);
        }
        return MessageAction.Quarantine;
    }

    /// <summary>The notice of a message this scan already quarantined (a retry finishing an interrupted scan), under the
    /// message's lease like the quarantine's own notice, so two runs at once cannot make one each.</summary>
    public async Task NotifyHeldAsync(MessageKey key, EmailMessage message, IReadOnlyList<LinkReport> links, CancellationToken ct)
    {
        await using (await leases.AcquireAsync(key, ct))
            await notices.NotifyAsync(key, message, links, ct);
    }

    /// <summary>Quarantines <paramref name="message"/> whatever its score (a hunt found a confirmed indicator in it),
    /// with the same audit entry and idempotency as a scan's quarantine, recorded as <paramref name="actor"/>'s.</summary>
    public async Task QuarantineAsync(MessageKey key, FetchedMessage message, string reasons, AuditActor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using (await leases.AcquireAsync(key, ct))
            await QuarantineAsync(key, message.Id, reasons, actor, ct);
    }

    private async Task RewriteAsync(MessageKey key, FetchedMessage original, RewrittenContent content, string reasons, AuditActor actor,
        CancellationToken ct)
    {
        var entry = audit.Latest(key, AuditAction.Rewrite);
        if (entry?.State == AuditState.Completed)
            return;
        var resuming = entry is { State: AuditState.Started or AuditState.Copied };
        var id = resuming ? entry!.Id : audit.Append(new AuditEntry(
            0, clock.GetUtcNow(), actor.Name, key, AuditAction.Rewrite, AuditState.Started, original.Id, null, reasons, HuntId: actor.HuntId));
        var copyId = (resuming ? entry!.ResultMessageId : null)
            ?? (resuming ? await FindOwnCopyAsync(key, original, ct) : null);
        if (copyId is null)
        {
            faults.At("create-copy");
            copyId = await mailboxes.CreateRewrittenCopyAsync(key.TenantId, key.Mailbox, original, content, ct);
            faults.At("record-copy");
        }
        audit.Update(id, AuditState.Copied, original.Id, copyId, clock.GetUtcNow());

        faults.At("move-original");
        var quarantined = await mailboxes.MoveToQuarantineAsync(key.TenantId, key.Mailbox, original.Id, ct);
        faults.At("record-move");
        audit.Update(id, AuditState.Completed, quarantined, copyId, clock.GetUtcNow());
        log.LogInformation("Rewrote {Message} in {Mailbox}: copy {Copy}, original quarantined", key.MessageId, key.Mailbox, copyId);
    }

    /// <summary>The copy an interrupted run of this rewrite made of <paramref name="original"/> before recording it, if
    /// any. Copies beyond the first (left by runs before the lease existed) are removed: the user sees one. So is a copy
    /// the run stopped making before all its attachments were added: this run makes a whole one instead.</summary>
    private async Task<string?> FindOwnCopyAsync(MessageKey key, FetchedMessage original, CancellationToken ct)
    {
        var found = (await FindCopiesAsync(key, ct)).Where(c => c.CopyOf == original.Id).ToList();
        foreach (var unfinished in found.Where(c => !c.IsWhole))
        {
            await mailboxes.DeleteAsync(key.TenantId, key.Mailbox, unfinished.Id, ct);
            log.LogWarning("Removed an unfinished copy {Copy} of {Message} in {Mailbox}", unfinished.Id, key.MessageId, key.Mailbox);
        }
        var copies = found.Where(c => c.IsWhole).Select(c => c.Id).ToList();
        foreach (var extra in copies.Skip(1))
        {
            await mailboxes.DeleteAsync(key.TenantId, key.Mailbox, extra, ct);
            log.LogWarning("Removed a second copy {Copy} of {Message} in {Mailbox}", extra, key.MessageId, key.Mailbox);
        }
        return copies.FirstOrDefault();
    }

    /// <summary>The scanner's copies of the message, found by its Message-ID, which a copy keeps. A message keyed by its
    /// Graph id has no Message-ID to search by (Exchange gives every delivered message one, so that is a message made
    /// some other way): its copies are only the one its audit entry records.</summary>
    private async Task<IReadOnlyList<MessageCopy>> FindCopiesAsync(MessageKey key, CancellationToken ct) =>
        key.MessageId.StartsWith(MessageKey.GraphIdPrefix, StringComparison.Ordinal)
            ? []
            : await mailboxes.FindCopiesAsync(key.TenantId, key.Mailbox, key.MessageId, ct);

    private async Task QuarantineAsync(MessageKey key, string messageId, string reasons, AuditActor actor, CancellationToken ct)
    {
        var entry = audit.Latest(key, AuditAction.Quarantine);
        if (entry?.State == AuditState.Completed)
            return;
        var id = entry?.State == AuditState.Started ? entry.Id : audit.Append(new AuditEntry(
            0, clock.GetUtcNow(), actor.Name, key, AuditAction.Quarantine, AuditState.Started, messageId, null, reasons, HuntId: actor.HuntId));
        var quarantined = await mailboxes.MoveToQuarantineAsync(key.TenantId, key.Mailbox, messageId, ct);
        faults.At("record-move");
        audit.Update(id, AuditState.Completed, quarantined, null, clock.GetUtcNow());
        log.LogInformation("Quarantined {Message} in {Mailbox}", key.MessageId, key.Mailbox);
    }

    /// <summary>
    /// For a scan retried after its host stopped, once the message has left its folder: the latest rewrite or
    /// quarantine of <paramref name="key"/>, completed. An entry still "started" (quarantine) or "copied" (rewrite)
    /// means the move into quarantine happened but its new id was never recorded; it is found there by its Internet
    /// Message-ID and the entry completed with it. Null when no such action is found. Whoever the entry names as its
    /// actor: only this class writes rewrites and quarantines, the scanner's and those of a hunt a person started
    /// alike, and a hunt that moved an unscanned message and stopped leaves that message's scan to finish its entry.
    /// </summary>
    public async Task<AuditEntry?> CompleteInterruptedMoveAsync(MessageKey key, CancellationToken ct)
    {
        await using var lease = await leases.AcquireAsync(key, ct);
        var entry = new[] { audit.Latest(key, AuditAction.Rewrite), audit.Latest(key, AuditAction.Quarantine) }
            .Where(e => e is not null).MaxBy(e => e!.Id);
        if (entry is null || entry.State == AuditState.Completed)
            return entry;
        // A rewrite moves the original only once its copy is recorded ("copied"); a "started" rewrite never moved it.
        if (!(entry.Action == AuditAction.Quarantine && entry.State == AuditState.Started) && !(entry.Action == AuditAction.Rewrite && entry.State == AuditState.Copied))
            return null;
        var quarantined = await mailboxes.FindInQuarantineAsync(key.TenantId, key.Mailbox, key.MessageId, ct);
        if (quarantined is null)
            return null;
        audit.Update(entry.Id, AuditState.Completed, quarantined, null, clock.GetUtcNow());
        log.LogInformation("Completed the interrupted {Action} of {Message} in {Mailbox}: found in quarantine", StableName.Of(entry.Action), key.MessageId, key.Mailbox);
        return audit.Get(entry.Id);
    }

    /// <summary>Undoes a completed rewrite or quarantine: the original back in the inbox, then every copy of ours
    /// removed, the one the entry records and any other found by the message's Message-ID (a run interrupted before
    /// recording its copy left one), and the held message's notice if one was left. Returns the release's audit entry id.</summary>
    /// <param name="reason">Why the person released it (the console asks for it); kept in the release entry's reasons.</param>
    /// <exception cref="InvalidOperationException">The entry is not a completed rewrite or quarantine.</exception>
    public async Task<long> ReleaseAsync(long entryId, string actor, CancellationToken ct, string? reason = null)
    {
        var found = audit.Get(entryId) ?? throw new InvalidOperationException($"no audit entry {entryId}");
        // Read again under the lease: two releases of one entry at once would both move the original.
        await using var lease = await leases.AcquireAsync(found.Key, ct);
        var entry = audit.Get(entryId)!;
        if (entry.Action is not (AuditAction.Rewrite or AuditAction.Quarantine) || entry.State != AuditState.Completed || entry.OriginalMessageId is null)
            throw new InvalidOperationException(
                $"audit entry {entryId} is a {StableName.Of(entry.Action)} in state {StableName.Of(entry.State)}: nothing to release");
        var key = entry.Key;
        var releaseId = audit.Append(new AuditEntry(0, clock.GetUtcNow(), actor, key, AuditAction.Release, AuditState.Started,
            entry.OriginalMessageId, entry.ResultMessageId,
            $"release of {StableName.Of(entry.Action)} {entryId}" + (string.IsNullOrWhiteSpace(reason) ? "" : $": {reason.Trim()}"), entryId));
        // The original goes back before the copy goes away: at every instant the user has the message.
        var restored = await mailboxes.MoveToInboxAsync(key.TenantId, key.Mailbox, entry.OriginalMessageId, ct);
        var copies = (await FindCopiesAsync(key, ct)).Select(c => c.Id)
            .Union(entry.ResultMessageId is { } recorded ? [recorded] : []).ToList();
        foreach (var copy in copies)
            await mailboxes.DeleteAsync(key.TenantId, key.Mailbox, copy, ct);
        await RemoveNoticeAsync(key, ct);
        if (copies.Count > (entry.ResultMessageId is null ? 0 : 1))
            log.LogWarning("Release of {Entry} removed {Count} copies of {Message} in {Mailbox}, not only the recorded one",
                entryId, copies.Count, key.MessageId, key.Mailbox);
        audit.Update(entryId, AuditState.Released, restored, entry.ResultMessageId, clock.GetUtcNow());
        audit.Update(releaseId, AuditState.Completed, restored, null, clock.GetUtcNow());
        log.LogInformation("Released {Action} {Entry} of {Message} by {Actor}", StableName.Of(entry.Action), entryId, key.MessageId, actor);
        return releaseId;
    }

    /// <summary>After a release, the held message's notice goes too; one left behind is logged, not a failed release
    /// (the original is back, and the notice's page says it was released).</summary>
    private async Task RemoveNoticeAsync(MessageKey key, CancellationToken ct)
    {
        try
        {
            await notices.RemoveAsync(key, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "The notice of released {Message} in {Mailbox} could not be removed", key.MessageId, key.Mailbox);
        }
    }

    private static RewrittenContent ToContent(FetchedMessage original, RewriteResult rewrite) =>
        new(rewrite.HtmlBody, rewrite.TextBody, rewrite.Attachments.ToDictionary(
            a => a.Index,
            a => original.Message.Attachments[a.Index] with { Content = a.Content, Size = a.Content.Length }));

    private static int IndexOf(IReadOnlyList<Link> links, Link link)
    {
        for (var i = 0; i < links.Count; i++)
            if (ReferenceEquals(links[i], link) || links[i] == link)
                return i;
        return -1;
    }

    private static string Reasons(ScanVerdict verdict) =>
        verdict.Plan.Explanation + "\n" + JsonSerializer.Serialize(
            verdict.Score.Links.Where(v => verdict.IsFlagged(v.Link))
                .Select(v => new { v.Link.Url, v.Score, Reasons = v.Reasons.Select(r => r.Id) }));
}
