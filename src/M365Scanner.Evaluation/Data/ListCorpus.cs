using System.Collections.Concurrent;

namespace M365Scanner.Evaluation.Data;

/// <summary>Reads lists/usrp-users/&lt;yyyy-mm&gt;/*.eml: the archive of one mailing list, every message as a
/// subscriber received it.</summary>
public static class ListCorpus
{
    public const string Folder = "lists/usrp-users";

    /// <summary>The list's posting address: From of every DMARC-munged message, To of every post.</summary>
    public const string ListAddress = "usrp-users@lists.ettus.com";

    /// <returns>The dated messages, oldest first (ties by file); unreadable and undated files are counted.</returns>
    public static IReadOnlyList<ListMessage> Load(string dataRoot, out int unreadable, out int undated)
    {
        var files = Directory.GetFiles(Path.Combine(dataRoot, Folder), "*.eml", SearchOption.AllDirectories);
        var messages = new ConcurrentBag<ListMessage>();
        int failed = 0, noDate = 0;
        Parallel.ForEach(files, file =>
        {
            if (EnronCorpus.TryRead(file) is not { } message)
                Interlocked.Increment(ref failed);
            else if (message.EffectiveDate is not { } date)
                Interlocked.Increment(ref noDate);
            else
                messages.Add(new ListMessage(Path.GetRelativePath(dataRoot, file).Replace('\\', '/'), message, date,
                    ListAuthor.Of(message, ListAddress)));
        });
        unreadable = failed;
        undated = noDate;
        return [.. messages.OrderBy(m => m.Date).ThenBy(m => m.File, StringComparer.Ordinal)];
    }
}
