using System.Text;
using M365Scanner.Core.Scanning;
using MimeKit;

namespace M365Scanner.Demo;

/// <summary>The headline proof for a rewritten message, read from the bytes themselves: the delivered MIME against its
/// copy in the Inbox, part by part (decoded content, in order), so what the rewrite changed is shown rather than claimed.</summary>
public static class RewriteProof
{
    public static IReadOnlyList<string> Lines(byte[] delivered, byte[] copy, IReadOnlyList<LinkReport> links, IReadOnlyList<string> blocked)
    {
        var lines = new List<string>();
        foreach (var link in links.Where(l => l.Action == "allow"))
            lines.Add($"Left alone: {link.Url} (in {link.Origin})");
        foreach (var link in links.Where(l => l.Action != "allow"))
            lines.Add($"Blocked:    {link.Url}");
        foreach (var page in blocked)
            lines.Add($"            now points to {page}");

        var before = Parts(delivered);
        var after = Parts(copy);
        if (before.Count != after.Count)
        {
            lines.Add($"Parts:      {before.Count} delivered, {after.Count} in the copy");
            return lines;
        }
        var identical = 0;
        var changed = new List<string>();
        for (var i = 0; i < before.Count; i++)
        {
            if (before[i].Bytes.AsSpan().SequenceEqual(after[i].Bytes))
            {
                identical++;
                if (before[i].IsPdf)
                    changed.Add($"PDF {before[i].Name}: original bytes identical ({before[i].Bytes.Length} bytes)");
                continue;
            }
            changed.Add(Describe(before[i], after[i], links.Where(l => l.Action != "allow").Select(l => l.Url).ToList(), blocked));
        }
        lines.Add($"Unchanged:  {identical} of {before.Count} MIME part(s) byte-identical (bodies and attachments, compared decoded)");
        lines.AddRange(changed.Select(c => $"            {c}"));
        return lines;
    }

    /// <summary>What differs in one part: the span between the longest common prefix and suffix, and whether that span
    /// held a blocked URL (and now a blocked-link page).</summary>
    private static string Describe((string Name, bool IsPdf, byte[] Bytes) was, (string Name, bool IsPdf, byte[] Bytes) now, IReadOnlyList<string> flagged, IReadOnlyList<string> pages)
    {
        var prefix = was.Bytes.AsSpan().CommonPrefixLength(now.Bytes);
        var max = Math.Min(was.Bytes.Length, now.Bytes.Length) - prefix;
        var suffix = 0;
        while (suffix < max && was.Bytes[^(suffix + 1)] == now.Bytes[^(suffix + 1)]) suffix++;
        var removed = Encoding.Latin1.GetString(was.Bytes, prefix, was.Bytes.Length - prefix - suffix);
        var added = Encoding.Latin1.GetString(now.Bytes, prefix, now.Bytes.Length - prefix - suffix);
        var heldUrl = flagged.Any(u => removed.Contains(u, StringComparison.Ordinal));
        var holdsPage = pages.Any(p => added.Contains(p, StringComparison.Ordinal));
        var what = was.IsPdf ? $"PDF {was.Name}" : $"part {was.Name}";
        var span = prefix == was.Bytes.Length
            ? $"all {was.Bytes.Length} original bytes kept as the first of {now.Bytes.Length}, {added.Length} bytes appended (an incremental update)"
            : $"first {prefix} and last {suffix} of {was.Bytes.Length} bytes identical; {removed.Length} bytes between replaced by {added.Length}";
        var why = (heldUrl, holdsPage) switch
        {
            (true, true) => "the blocked URL replaced by the blocked-link page",
            (true, false) => "the span held the blocked URL",
            (false, true) => "the new bytes hold the blocked-link page",
            _ => "neither the blocked URL nor the page found in the changed span",
        };
        return $"{what}: the link was inside it; {span} ({why})";
    }

    private static List<(string Name, bool IsPdf, byte[] Bytes)> Parts(byte[] mime)
    {
        using var stream = new MemoryStream(mime);
        var message = MimeMessage.Load(stream);
        var parts = new List<(string, bool, byte[])>();
        foreach (var part in message.BodyParts.OfType<MimePart>())
        {
            using var content = new MemoryStream();
            part.Content?.DecodeTo(content);
            var name = part.FileName ?? part.ContentType.MimeType;
            parts.Add((name, part.ContentType.IsMimeType("application", "pdf"), content.ToArray()));
        }
        return parts;
    }
}
