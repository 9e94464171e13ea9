using M365Scanner.Core.Mail;
using M365Scanner.Host.Mailboxes;

namespace M365Scanner.Host.Tests.TestSupport;

/// <summary>
/// One mailbox held in memory, behaving like Graph where the action state machine depends on it: a message's id
/// changes when it moves, a copy keeps its original's Message-ID, moving a message that is gone fails; a notice is a
/// message of the scanner's own in the Inbox, found by its Message-ID.
/// </summary>
public sealed class InMemoryMailbox : IMailboxMessages, IMailboxNotices
{
    public const string Inbox = "inbox";
    public const string Quarantine = "quarantine";

    private readonly Dictionary<string, FetchedMessage> _messages = [];
    private readonly HashSet<string> _unfinished = [];
    private int _nextId;

    /// <summary>When set, the next copy is created and then this is thrown before its attachments are all added (a host
    /// stopped during a large attachment's upload): the copy stays, marked unfinished, as the Graph adapter leaves it.</summary>
    public Func<Exception>? StopWhileAddingAttachments { get; set; }

    /// <summary>Called before a move into quarantine; may throw to stand for Graph failing the request.</summary>
    public Action? BeforeQuarantineMove { get; set; }

    /// <summary>Called before a notice is created; may throw to stand for Graph failing the request.</summary>
    public Action? BeforeNoticeCreate { get; set; }

    /// <summary>The notices as they were created (body included), by id, while they are in the mailbox.</summary>
    public Dictionary<string, InboxNotice> Notices { get; } = [];

    public IReadOnlyList<FetchedMessage> In(string folder) =>
        [.. _messages.Values.Where(m => m.FolderId == folder).OrderBy(m => m.Id, StringComparer.Ordinal)];

    public IReadOnlyList<FetchedMessage> All => [.. _messages.Values];

    public FetchedMessage Deliver(EmailMessage message)
    {
        var delivered = new FetchedMessage(NewId("m"), Inbox, message, null);
        _messages.Add(delivered.Id, delivered);
        return delivered;
    }

    public Task<FetchedMessage?> GetMessageAsync(string tenantId, string mailbox, string messageId, CancellationToken ct) =>
        Task.FromResult(_messages.GetValueOrDefault(messageId));

    public Task<string> CreateRewrittenCopyAsync(string tenantId, string mailbox, FetchedMessage original, RewrittenContent content,
        CancellationToken ct)
    {
        var body = original.Message with { HtmlBody = content.HtmlBody ?? original.Message.HtmlBody, TextBody = content.TextBody ?? original.Message.TextBody };
        var copy = new FetchedMessage(NewId("copy"), original.FolderId, body, original.Id);
        _messages.Add(copy.Id, copy);
        if (StopWhileAddingAttachments is { } stop)
        {
            StopWhileAddingAttachments = null;
            _unfinished.Add(copy.Id);
            throw stop();
        }
        return Task.FromResult(copy.Id);
    }

    public Task<IReadOnlyList<MessageCopy>> FindCopiesAsync(string tenantId, string mailbox, string internetMessageId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<MessageCopy>>(
            [.. _messages.Values.Where(m => m.ScannerCopyOf is not null && m.Message.InternetMessageId == internetMessageId)
                .OrderBy(m => m.Id, StringComparer.Ordinal).Select(m => new MessageCopy(m.Id, m.ScannerCopyOf!, IsWhole: !_unfinished.Contains(m.Id)))]);

    public Task<string> MoveToQuarantineAsync(string tenantId, string mailbox, string messageId, CancellationToken ct)
    {
        BeforeQuarantineMove?.Invoke();
        return Task.FromResult(Move(messageId, Quarantine));
    }

    public Task<string?> FindInQuarantineAsync(string tenantId, string mailbox, string internetMessageId, CancellationToken ct) =>
        Task.FromResult(_messages.Values
            .FirstOrDefault(m => m.FolderId == Quarantine && m.ScannerCopyOf is null && m.Message.InternetMessageId == internetMessageId)?.Id);

    public Task<string> MoveToInboxAsync(string tenantId, string mailbox, string messageId, CancellationToken ct) =>
        Task.FromResult(Move(messageId, Inbox));

    public Task<string> CreateAsync(string tenantId, string mailbox, InboxNotice notice, CancellationToken ct)
    {
        BeforeNoticeCreate?.Invoke();
        var message = new EmailMessage { InternetMessageId = notice.InternetMessageId, Subject = notice.Subject, HtmlBody = notice.HtmlBody };
        var created = new FetchedMessage(NewId("notice"), Inbox, message, notice.About);
        _messages.Add(created.Id, created);
        Notices.Add(created.Id, notice);
        return Task.FromResult(created.Id);
    }

    public Task<string?> FindAsync(string tenantId, string mailbox, string internetMessageId, CancellationToken ct) =>
        Task.FromResult(_messages.Values.FirstOrDefault(m => m.ScannerCopyOf is not null && m.Message.InternetMessageId == internetMessageId)?.Id);

    public Task DeleteAsync(string tenantId, string mailbox, string messageId, CancellationToken ct)
    {
        _messages.Remove(messageId);
        Notices.Remove(messageId);
        return Task.CompletedTask;
    }

    // Graph gives a moved message a new id and answers 404 for the old one.
    private string Move(string messageId, string folder)
    {
        if (!_messages.Remove(messageId, out var message))
            throw new InvalidOperationException($"no message {messageId}");
        var moved = message with { Id = NewId(folder), FolderId = folder };
        _messages.Add(moved.Id, moved);
        return moved.Id;
    }

    private string NewId(string prefix) => $"{prefix}-{++_nextId}";
}
