using M365Scanner.Core.Mail;

namespace M365Scanner.Evaluation.Data;

/// <summary>The owner of an inbox folder: its most frequent To: address (ties broken alphabetically, so the
/// answer is stable). Counting To: only, not Cc:, because lists and Cc'd colleagues dominate Cc.</summary>
public static class MailboxOwner
{
    public static string? Detect(IEnumerable<EmailMessage> inbox)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var message in inbox)
            foreach (var address in message.To.Select(a => a.Normalized).Where(a => a.Contains('@')).Distinct())
                counts[address] = counts.GetValueOrDefault(address) + 1;
        return counts.Count == 0
            ? null
            : counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key;
    }
}
