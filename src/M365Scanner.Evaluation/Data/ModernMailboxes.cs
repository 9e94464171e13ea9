using M365Scanner.Evaluation.Splits;

namespace M365Scanner.Evaluation.Data;

/// <summary>
/// The modern mailboxes: subscribers of the usrp-users list who post from their own organisation's domain, that
/// domain being their tenant (one mailbox per tenant, each with its own graph). Chosen by reading the archive: the
/// most frequent posters whose address is neither on a free-mail provider nor at ettus.com (the vendor that runs the
/// list: as a tenant it would own the list's own links), who post in both halves of the archive.
/// </summary>
/// <remarks>
/// A subscriber receives every list message, so a mailbox's inbox is the whole archive; its own posts are learned as
/// sent (the Sent Items copy, From = the owner, whatever the list later did to From), never scored. A split's
/// mailbox holds the mail dated before the split's months as history, then the split's months: the others' posts
/// scored, its own posts learned as sent when they were written. Mail after the split's months is left out.
/// </remarks>
public static class ModernMailboxes
{
    /// <summary>The owners, with their posts in the archive (2021-07..2022-12) at the time of choosing.</summary>
    public static IReadOnlyList<string> Owners { get; } =
    [
        "rkossler@nd.edu",                  // 164 posts, every month
        "jim@gardettoengineering.com",      // 34 posts (a colleague at the same domain posts 12 more)
        "david@synopticengineering.com",    // 25 posts, written with capitals in From
        "ri28856@mit.edu",                  // 24 posts
    ];

    /// <summary>Every owner's mailbox for <paramref name="split"/>.</summary>
    public static IReadOnlyList<Mailbox> For(Split split, IReadOnlyList<ListMessage> archive) =>
        [.. Owners.Select(owner => Build(owner, split, archive))];

    public static Mailbox Build(string owner, Split split, IReadOnlyList<ListMessage> archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var start = TimeSplit.StartOf(split);
        var messages = new List<CorpusMessage>();
        foreach (var m in archive.Where(m => m.Date < start || TimeSplit.ScoredIn(m.Date) == split))
        {
            var own = m.Author == owner;
            var message = own ? SentCopy(m, owner) : m.Message;
            messages.Add(new CorpusMessage(m.File, message, m.Date, IsHistory: own || m.Date < start) { Author = m.Author });
        }
        return new Mailbox($"usrp/{owner}/{split.ToString().ToLowerInvariant()}", owner, split, messages, 0, 0)
        {
            Source = Sources.Modern,
            TenantDomain = owner[(owner.IndexOf('@') + 1)..],
        };
    }

    // What the owner's Sent Items hold: the message as written, From the owner (a munged From is the list's doing).
    private static Core.Mail.EmailMessage SentCopy(ListMessage m, string owner) =>
        m.Message.From?.Normalized == owner ? m.Message
            : m.Message with { From = new Core.Mail.EmailAddress(owner, WithoutVia(m.Message.From?.DisplayName)), Sender = null };

    private static string? WithoutVia(string? name) =>
        name?.IndexOf(" via ", StringComparison.OrdinalIgnoreCase) is int at and >= 0 ? name[..at] : name;
}
