using System.Collections.Concurrent;
using M365Scanner.Core.Mail;
using M365Scanner.Evaluation.Splits;

namespace M365Scanner.Evaluation.Data;

/// <summary>Reads enron/&lt;user&gt;/inbox/*.eml: one tenant (enron.com), one mailbox per folder.</summary>
public static class EnronCorpus
{
    public const string TenantDomain = "enron.com";

    /// <summary>Share of each inbox, oldest first, that is history.</summary>
    public const double HistoryShare = 0.7;

    public static IReadOnlyList<Mailbox> Load(string dataRoot, TextWriter log)
    {
        var folders = Directory.GetDirectories(Path.Combine(dataRoot, "enron")).Order(StringComparer.Ordinal).ToList();
        var mailboxes = new ConcurrentBag<Mailbox>();
        Parallel.ForEach(folders, folder =>
        {
            if (LoadMailbox(dataRoot, folder) is { } mailbox)
                mailboxes.Add(mailbox);
            else
                log.WriteLine($"enron: skipped {folder}: no inbox/ or no To: address to name its owner");
        });
        return [.. mailboxes.OrderBy(m => m.Name, StringComparer.Ordinal)];
    }

    private static Mailbox? LoadMailbox(string dataRoot, string folder)
    {
        var inbox = Path.Combine(folder, "inbox");
        if (!Directory.Exists(inbox))
            return null;
        var read = new List<(string File, EmailMessage Message)>();
        var unreadable = 0;
        foreach (var file in Directory.EnumerateFiles(inbox, "*", SearchOption.AllDirectories))
        {
            if (TryRead(file) is { } message)
                read.Add((Path.GetRelativePath(dataRoot, file), message));
            else
                unreadable++;
        }
        var owner = MailboxOwner.Detect(read.Select(r => r.Message));
        if (owner is null)
            return null;

        var dated = read.Where(r => r.Message.EffectiveDate is not null)
            .OrderBy(r => r.Message.EffectiveDate!.Value)
            .ThenBy(r => r.File, StringComparer.Ordinal)
            .ToList();
        var historyCount = (int)Math.Floor(dated.Count * HistoryShare);
        var messages = dated.Select((r, i) => new CorpusMessage(r.File, r.Message, r.Message.EffectiveDate!.Value, i < historyCount)).ToList();
        var name = Path.GetFileName(folder);
        return new Mailbox(name, owner, SplitAssignment.Of(name), messages, unreadable, read.Count - dated.Count);
    }

    internal static EmailMessage? TryRead(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            return EmlReader.Read(stream);
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
