using System.Globalization;
using System.Text;
using M365Scanner.Graph.Mail;
using M365Scanner.GraphEmulator.Faults;

namespace M365Scanner.Graph.Load;

/// <summary>What a rewrite costs in Graph requests: the copy of a message with one small PDF and of one with a 20 MB
/// PDF, each created through <see cref="GraphMailbox.CreateReceivedCopyAsync"/> (with the PDF's bytes replaced, as a
/// PDF rewrite does) against the emulator, which refuses request bodies over 4 MB as Graph does. Counted from the
/// emulator's request log: everything answered between the start and the end of the copy.</summary>
internal static class RewriteRequestsLoad
{
    public static async Task<string> RunAsync(EmulatorProcess emulator, GraphMailbox mailbox)
    {
        var h = emulator.Handoff;
        var text = new StringBuilder();
        text.AppendLine("| Rewrite of | Graph requests for the copy | Which | Managed heap peak above baseline | Time |");
        text.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var name in new[] { "one", "pdf20" })
        {
            var original = await mailbox.GetMessageAsync(h.TenantId, h.User, h.Messages[name]);
            var pdf = original.Message.Attachments.ToList().FindIndex(a => a.FileName == "invoice.pdf");
            var rewritten = original.Message.Attachments[pdf].Content.ToArray();
            rewritten[^1] ^= 0xFF; // a changed PDF, as the rewriter's incremental update makes one
            var before = (await emulator.RequestsAsync()).Count;
            var measured = await ManagedPeak.MeasureAsync(() => mailbox.CreateReceivedCopyAsync(h.TenantId, h.User, original,
                new ReceivedCopy("<p>See <a href=\"https://scanner.example/blocked\">the invoice</a>.</p>", null,
                    new Dictionary<int, ReadOnlyMemory<byte>> { [pdf] = rewritten })));
            var requests = (await emulator.RequestsAsync()).Skip(before).ToList();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} ({original.Message.Attachments[pdf].Size:N0} B PDF) | {requests.Count} | {Shapes(requests)} | " +
                $"{Mb(measured.PeakAboveBaseline)} | {measured.Elapsed.TotalMilliseconds:N0} ms |");
        }
        return text.ToString();
    }

    private static string Shapes(IEnumerable<LoggedRequest> requests) =>
        string.Join("; ", requests
            .Select(r => $"{r.Method} {Shape(r.Path)} {r.Status}")
            .GroupBy(s => s)
            .Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ×{g.Count()}"));

    private static string Shape(string path) =>
        path.StartsWith("/outlook/", StringComparison.Ordinal) ? "upload URL"
        : path.Split('/', StringSplitOptions.RemoveEmptyEntries) switch
        {
            [.., "messages"] => "messages (create)",
            [.., "messages", _] => "message",
            [.., var last] => last,
            [] => path,
        };

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024)).ToString("N1", CultureInfo.InvariantCulture) + " MB";
}
