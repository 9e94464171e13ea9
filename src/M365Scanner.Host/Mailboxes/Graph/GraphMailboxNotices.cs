using M365Scanner.Graph.Mail;

namespace M365Scanner.Host.Mailboxes.Graph;

/// <summary><see cref="IMailboxNotices"/> over the Graph adapter.</summary>
public sealed class GraphMailboxNotices(GraphMailbox mailboxes, ScannerCopies copies) : IMailboxNotices
{
    public Task<string> CreateAsync(string tenantId, string mailbox, InboxNotice notice, CancellationToken ct) =>
        mailboxes.CreateNoticeAsync(tenantId, mailbox, new ReceivedNotice(notice.InternetMessageId, notice.About, notice.FromName,
            notice.FromAddress, mailbox, notice.Subject, notice.HtmlBody, notice.At), ct);

    // A notice carries the scanner's marker like a copy, so the copies' search by Message-ID finds it.
    public async Task<string?> FindAsync(string tenantId, string mailbox, string internetMessageId, CancellationToken ct) =>
        (await copies.FindAsync(tenantId, mailbox, internetMessageId, ct)).FirstOrDefault()?.Id;
}
