using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;

namespace M365Scanner.Benchmarks.Correspondence;

/// <summary>
/// The largest Enron inbox of ../shared/data/enron (by file count), read in place, each message parsed and its links
/// extracted once, in Date order: the real-mail counterpart of <see cref="SyntheticMailbox"/>.
/// </summary>
/// <remarks>Dates follow the CLI's offline scan: a stable sort on the Date header, and a message without one is
/// taken as of the latest date seen before it. The owner is the folder's most frequent To address, as the data's
/// README defines it.</remarks>
public sealed class EnronMailbox
{
    /// <summary>The organisation's domain, for <see cref="M365Scanner.Core.Scoring.TenantProfile"/>.</summary>
    public const string TenantDomain = "enron.com";

    private EnronMailbox(string name, string owner, int files,
        IReadOnlyList<(EmailMessage Message, IReadOnlyList<Link> Links, DateTimeOffset At)> history)
    {
        Name = name;
        Owner = owner;
        Files = files;
        History = history;
        Correspondents = CountCorrespondents(owner, history);
    }

    /// <summary>The folder's user name, e.g. "campbell-l".</summary>
    public string Name { get; }

    /// <summary>The mailbox owner's address (lower case).</summary>
    public string Owner { get; }

    /// <summary>Files in the inbox; those that do not parse are left out of <see cref="History"/>.</summary>
    public int Files { get; }

    /// <summary>The readable messages, oldest first, each with all its extracted links and its learning time.</summary>
    public IReadOnlyList<(EmailMessage Message, IReadOnlyList<Link> Links, DateTimeOffset At)> History { get; }

    /// <summary>Distinct addresses other than the owner's that the graph learns about: senders, and the recipients
    /// of the owner's own messages.</summary>
    public int Correspondents { get; }

    public int Links => History.Sum(h => h.Links.Count);

    /// <summary>The inbox folder with the most files; ties go to the first name in ordinal order.</summary>
    /// <exception cref="InvalidOperationException">shared/data or its Enron inboxes are missing.</exception>
    public static string LargestInbox()
    {
        var inboxes = Directory.EnumerateDirectories(SharedData.PathOf("enron"))
            .Select(user => Path.Combine(user, "inbox"))
            .Where(Directory.Exists)
            .Select(inbox => (Inbox: inbox, Files: Directory.EnumerateFiles(inbox, "*", SearchOption.AllDirectories).Count()))
            .OrderByDescending(i => i.Files).ThenBy(i => i.Inbox, StringComparer.Ordinal)
            .ToList();
        return inboxes.Count > 0
            ? inboxes[0].Inbox
            : throw new InvalidOperationException($"No enron/<user>/inbox folder under {SharedData.Directory}.");
    }

    /// <summary>Reads and extracts the largest inbox (see <see cref="LargestInbox"/>).</summary>
    public static EnronMailbox LoadLargest(MessageLinkExtractor extractor)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        var inbox = LargestInbox();
        var files = Directory.EnumerateFiles(inbox, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var messages = files.Select(TryRead).OfType<EmailMessage>()
            .OrderBy(m => m.EffectiveDate ?? DateTimeOffset.MinValue)
            .ToList();

        var clock = DateTimeOffset.UnixEpoch;
        var history = new List<(EmailMessage, IReadOnlyList<Link>, DateTimeOffset)>(messages.Count);
        foreach (var message in messages)
        {
            if (message.EffectiveDate is { } date && date > clock)
                clock = date;
            history.Add((message, extractor.Extract(message).Links, clock));
        }
        var owner = messages.SelectMany(m => m.To).Select(a => a.Normalized).Where(a => a.Length > 0)
            .CountBy(a => a).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c.Key).FirstOrDefault() ?? "";
        var name = Path.GetFileName(Path.GetDirectoryName(inbox))!;
        return new EnronMailbox(name, owner, files.Count, history);
    }

    /// <summary>The oldest <paramref name="share"/> of the history, and the rest.</summary>
    public (IReadOnlyList<(EmailMessage Message, IReadOnlyList<Link> Links, DateTimeOffset At)> Older,
        IReadOnlyList<(EmailMessage Message, IReadOnlyList<Link> Links, DateTimeOffset At)> Newer) Split(double share)
    {
        var count = (int)Math.Round(History.Count * share);
        return ([.. History.Take(count)], [.. History.Skip(count)]);
    }

    public override string ToString() =>
        $"enron/{Name}/inbox: {Files:N0} files, {History.Count:N0} messages read, {Links:N0} links, owner {Owner}, " +
        $"{Correspondents:N0} correspondents, {History[0].At:yyyy-MM-dd} to {History[^1].At:yyyy-MM-dd}";

    private static EmailMessage? TryRead(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            return EmlReader.Read(stream);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static int CountCorrespondents(string owner,
        IReadOnlyList<(EmailMessage Message, IReadOnlyList<Link> Links, DateTimeOffset At)> history)
    {
        var addresses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (message, _, _) in history)
        {
            var sender = (message.From ?? message.Sender)?.Normalized;
            if (sender == owner)
                addresses.UnionWith(message.AllRecipients.Select(r => r.Normalized));
            else if (!string.IsNullOrEmpty(sender))
                addresses.Add(sender);
        }
        addresses.Remove(owner);
        addresses.Remove("");
        return addresses.Count;
    }
}
