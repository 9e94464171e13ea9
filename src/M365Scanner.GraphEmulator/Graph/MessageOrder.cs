using M365Scanner.GraphEmulator.Mail;

namespace M365Scanner.GraphEmulator.Graph;

/// <summary>OData $orderby for messages; Graph's default for message lists is receivedDateTime desc.</summary>
internal static class MessageOrder
{
    public static IEnumerable<StoredMessage> Apply(IEnumerable<StoredMessage> messages, string? orderBy)
    {
        var clauses = string.IsNullOrWhiteSpace(orderBy)
            ? [("receiveddatetime", true)]
            : orderBy.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(p => (p[0].ToLowerInvariant(), p.Length > 1 && p[1].Equals("desc", StringComparison.OrdinalIgnoreCase)))
                .ToArray();

        IOrderedEnumerable<StoredMessage>? ordered = null;
        foreach (var (property, descending) in clauses)
        {
            Func<StoredMessage, IComparable> key = property switch
            {
                "receiveddatetime" => m => m.ReceivedDateTime,
                "sentdatetime" => m => m.SentDateTime,
                "createddatetime" => m => m.CreatedDateTime,
                "lastmodifieddatetime" => m => m.LastModifiedDateTime,
                "subject" => m => m.Subject ?? "",
                "importance" => m => m.Importance,
                "isread" => m => m.IsRead,
                _ => throw new GraphException(400, "ErrorInvalidProperty", $"Could not find a property named '{property}' on type 'microsoft.graph.message'."),
            };
            ordered = ordered is null
                ? descending ? messages.OrderByDescending(key) : messages.OrderBy(key)
                : descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key);
        }
        // Ties are broken by id so that $skip paging is stable.
        return ordered!.ThenBy(m => m.Id, StringComparer.Ordinal);
    }
}
