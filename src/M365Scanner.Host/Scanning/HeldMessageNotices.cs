using System.Security.Cryptography;
using System.Text;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Scanning;
using M365Scanner.Host.BlockedLinks;
using M365Scanner.Host.Mailboxes;
using M365Scanner.Host.Tenants;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Scanning;

/// <summary>
/// The notice a quarantined message leaves in its recipient's Inbox when the tenant's policy asks for one
/// (<see cref="Core.Policy.PolicyOptions.HeldMessageNotice"/>, off by default): exactly one per held message, an
/// audited step of its own after the quarantine (<see cref="AuditAction.Notice"/>).
/// </summary>
/// <remarks>
/// Exactly one: the entry is recorded "started" before the notice is made, and the notice's Message-ID is derived from
/// the held message's key, so a run that resumes a started (or failed) entry looks for the notice by that Message-ID
/// before making one. A failure is the notice's alone: the quarantine already happened and stays; the entry is marked
/// failed and a warning logged, and the scan goes on to record its verdict. It is not retried: the protection is in
/// place, and a notice arriving hours later, after the user has moved on, confuses more than it helps; a run of the same
/// scan that resumes for another reason tries once more. A stop of the host (cancellation) is not a failure: the job's
/// retry resumes the entry.
/// </remarks>
public sealed class HeldMessageNotices(
    IMailboxNotices notices, IMailboxMessages mailboxes, IAuditLog audit, TenantPolicies policies, BlockedLinkTokens tokens,
    IOptions<ScannerHostOptions> options, IActionFaults faults, TimeProvider clock, ILogger<HeldMessageNotices> log)
{
    /// <summary>Leaves the notice of held <paramref name="message"/> in its recipient's Inbox, when the tenant asks for
    /// notices and none was left yet. Never throws but for cancellation.</summary>
    /// <param name="links">The held message's links as its verdict reports them, for the reasons in plain words.</param>
    public async Task NotifyAsync(MessageKey key, EmailMessage message, IReadOnlyList<LinkReport> links, CancellationToken ct)
    {
        if (!policies.For(key.TenantId).Policy.HeldMessageNotice)
            return;
        var entry = audit.Latest(key, AuditAction.Notice);
        if (entry?.State is AuditState.Completed or AuditState.Released)
            return;
        var resuming = entry is { State: AuditState.Started or AuditState.Failed };
        var id = resuming ? entry!.Id : audit.Append(new AuditEntry(0, clock.GetUtcNow(), AuditActor.Scanner.Name, key, AuditAction.Notice,
            AuditState.Started, null, null, "notice of the held message in the recipient's Inbox"));
        var noticeMessageId = NoticeMessageId(key);
        try
        {
            var noticeId = resuming ? await notices.FindAsync(key.TenantId, key.Mailbox, noticeMessageId, ct) : null;
            if (noticeId is null)
            {
                faults.At("create-notice");
                noticeId = await notices.CreateAsync(key.TenantId, key.Mailbox, Notice(key, message, links, noticeMessageId), ct);
                faults.At("record-notice");
            }
            audit.Update(id, AuditState.Completed, null, noticeId, clock.GetUtcNow());
            log.LogInformation("Left a notice of held {Message} in the Inbox of {Mailbox}", key.MessageId, key.Mailbox);
        }
        catch (Exception e) when (!ct.IsCancellationRequested && e is not OperationCanceledException)
        {
            audit.Update(id, AuditState.Failed, null, null, clock.GetUtcNow());
            log.LogWarning(e, "The notice of held {Message} could not be left in the Inbox of {Mailbox}; the message stays quarantined",
                key.MessageId, key.Mailbox);
        }
    }

    /// <summary>Removes the notice of a message that was released: it would say "held" of a message back in the Inbox.
    /// A notice whose creation was never recorded (its run failed or stopped after making it) is found by its Message-ID.
    /// A notice already gone is not an error.</summary>
    public async Task RemoveAsync(MessageKey key, CancellationToken ct)
    {
        if (audit.Latest(key, AuditAction.Notice) is not { State: not AuditState.Released } entry)
            return;
        var noticeId = entry.State == AuditState.Completed ? entry.ResultMessageId
            : await notices.FindAsync(key.TenantId, key.Mailbox, NoticeMessageId(key), ct);
        if (noticeId is null)
            return;
        await mailboxes.DeleteAsync(key.TenantId, key.Mailbox, noticeId, ct);
        audit.Update(entry.Id, AuditState.Released, null, noticeId, clock.GetUtcNow());
    }

    private InboxNotice Notice(MessageKey key, EmailMessage message, IReadOnlyList<LinkReport> links, string noticeMessageId)
    {
        var organisation = OrganisationName.For(options.Value, key.TenantId, key.Mailbox);
        var page = tokens.UrlFor(BlockedLinkToken.ForMessage(key.TenantId, key.Mailbox, key.MessageId));
        var body = HeldMessageNoticeText.Body(organisation, message.From ?? message.Sender, message.Subject,
            message.ReceivedAt ?? clock.GetUtcNow(), PlainReasons.ForMessage(links), page, key.MessageId);
        var domain = Domain(key.Mailbox);
        return new InboxNotice(noticeMessageId, $"notice:{key.MessageId}", $"{organisation ?? domain} mail protection",
            $"postmaster@{domain}", HeldMessageNoticeText.Subject, body, clock.GetUtcNow());
    }

    /// <summary>The notice's Message-ID: a hash of the held message's key (never its text, which the sender chose), at the
    /// mailbox's own domain.</summary>
    internal static string NoticeMessageId(MessageKey key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', key.TenantId, key.Mailbox, key.MessageId)));
        return $"held-notice.{Convert.ToHexStringLower(hash.AsSpan(0, 16))}@{Domain(key.Mailbox)}";
    }

    // postmaster exists at every domain that takes mail (RFC 5321, 4.5.1), so a reply reaches the organisation's admins.
    private static string Domain(string mailbox) => mailbox.LastIndexOf('@') is var at and > 0 && at < mailbox.Length - 1
        ? mailbox[(at + 1)..]
        : "localhost";
}
