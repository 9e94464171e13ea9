using System.Text;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.GraphEmulator.Faults;

namespace M365Scanner.Host.Load;

/// <summary>
/// Graph requests per scanned message, from the emulator's request log of one phase. A request belongs to a message
/// when its path names the message's Graph id, or the id of the rewritten copy the scanner made of it (the copy's
/// own "created" notification is read once, to recognise it). Requests that name no message (the copy's creation in
/// the inbox, the quarantine folder's lookup) are listed by shape. Token, subscription and delta traffic is not
/// per-message work and is only counted.
/// </summary>
internal static class GraphCost
{
    public static string Report(IReadOnlyList<LoggedRequest> requests, IReadOnlyList<Delivered> messages)
    {
        var owner = new Dictionary<string, (Delivered Message, bool Copy)>(StringComparer.Ordinal);
        foreach (var m in messages)
        {
            owner[m.GraphId] = (m, false);
            if (m.Action?.ResultMessageId is { } copy) owner[copy] = (m, true);
        }
        var perMessage = messages.ToDictionary(m => m, _ => 0);
        var shapesByKind = new Dictionary<MessageKind, Dictionary<string, int>>();
        var unattributed = new Dictionary<string, int>();
        var overhead = new Dictionary<string, int>();
        foreach (var r in requests)
        {
            var segments = r.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (r.Path.Contains("/oauth2/", StringComparison.Ordinal) || r.Path.Contains("/subscriptions", StringComparison.OrdinalIgnoreCase) ||
                r.Path.Contains("/delta", StringComparison.OrdinalIgnoreCase))
            {
                Count(overhead, $"{r.Method} {Shape(segments, null)}");
                continue;
            }
            var hit = segments.Select(s => owner.TryGetValue(s, out var o) ? o : default((Delivered, bool)?)).FirstOrDefault(o => o is not null);
            if (hit is { } found)
            {
                perMessage[found.Item1]++;
                var kinds = shapesByKind.TryGetValue(found.Item1.Kind, out var k) ? k : shapesByKind[found.Item1.Kind] = [];
                Count(kinds, $"{r.Method} {Shape(segments, found.Item2 ? "{copy}" : "{id}")} {r.Status}");
            }
            else
            {
                Count(unattributed, $"{r.Method} {Shape(segments, null)} {r.Status}");
            }
        }

        var text = new StringBuilder();
        text.AppendLine("| Kind | Messages | Verdicts (allow/rewrite/quarantine) | Requests naming the message or its copy, per message: mean (min-max) | Of which |");
        text.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var group in messages.GroupBy(m => m.Kind).OrderBy(g => g.Key))
        {
            var counts = group.Select(m => perMessage[m]).ToArray();
            var verdicts = $"{group.Count(m => m.Verdict?.Action == MessageAction.Allow)}/{group.Count(m => m.Verdict?.Action == MessageAction.Rewrite)}/" +
                           $"{group.Count(m => m.Verdict?.Action == MessageAction.Quarantine)}";
            var shapes = shapesByKind.TryGetValue(group.Key, out var s)
                ? string.Join("; ", s.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} ×{kv.Value}")) : "";
            text.AppendLine($"| {group.Key} | {group.Count()} | {verdicts} | {counts.Average():F2} ({counts.Min()}-{counts.Max()}) | {shapes} |");
        }
        text.AppendLine("Requests naming no message: " + (unattributed.Count == 0 ? "none" :
            string.Join("; ", unattributed.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} ×{kv.Value}"))));
        text.Append("Not per message (tokens, subscriptions, delta): " + (overhead.Count == 0 ? "none" :
            string.Join("; ", overhead.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} ×{kv.Value}"))));
        return text.ToString();
    }

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    /// <summary>The path with the user and ids replaced by placeholders: "v1.0/users/{user}/messages/{id}/move".</summary>
    private static string Shape(string[] segments, string? idName)
    {
        var shaped = new string[segments.Length];
        for (var i = 0; i < segments.Length; i++)
        {
            var s = segments[i];
            shaped[i] = i > 0 && segments[i - 1].Equals("users", StringComparison.OrdinalIgnoreCase) ? "{user}"
                : s.StartsWith("AAMkAGI", StringComparison.Ordinal) ? idName ?? "{message}"
                : s.StartsWith("AAMkAGF", StringComparison.Ordinal) ? "{folder}"
                : s.Length >= 30 ? "{id}"
                : s;
        }
        return string.Join('/', shaped);
    }
}
