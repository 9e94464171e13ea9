using System.Diagnostics;
using System.Globalization;
using System.Text;
using M365Scanner.Graph.Clients;
using M365Scanner.Graph.Mail;
using M365Scanner.GraphEmulator.Faults;
using Microsoft.Extensions.Options;

namespace M365Scanner.Graph.Load;

/// <summary>Reads each seeded message through the production adapter (<see cref="GraphMailbox.GetMessageAsync"/>,
/// configured as a deployment is, only pointed at the emulator) and reports the Graph requests each read made and,
/// for the message with the large attachment, the managed heap's peak and the allocations of one read, and of the
/// rewritten copy that must carry that attachment.</summary>
internal static class AttachmentReadLoad
{
    public static async Task<string> RunAsync(EmulatorProcess emulator, LoadSettings settings)
    {
        var h = emulator.Handoff;
        var options = Options.Create(new GraphOptions
        {
            BaseUrl = h.GraphBaseUrl,
            AuthorityHost = h.AuthorityHost,
            TrustedHosts = ["127.0.0.1"],
            PinnedCertificatePem = h.CertificatePem,
            MaxAttachmentBytes = settings.CapMegabytes * 1024L * 1024,
            Tenants = [new TenantCredentialOptions { TenantId = h.TenantId, ClientId = h.ClientId, ClientSecret = h.Secret }],
        });
        using var clients = new TenantGraphClients(options);
        // Reads only: no marker it writes is read back by another process.
        var mailbox = new GraphMailbox(clients, options, OwnMessageMarker.OfThisProcess());
        await mailbox.GetMessageAsync(h.TenantId, h.User, h.Messages["none"]); // token, connection and JIT outside the figures

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Graph adapter reads against the emulator: {Environment.ProcessorCount} cores, {settings}, " +
            $"server GC {System.Runtime.GCSettings.IsServerGC}");
        text.AppendLine("| Message | Attachments (bytes read / declared) | Graph requests | Which |");
        text.AppendLine("| --- | --- | --- | --- |");
        foreach (var (name, id) in h.Messages)
        {
            var before = (await emulator.RequestsNamingAsync(id)).Count;
            var read = await mailbox.GetMessageAsync(h.TenantId, h.User, id);
            var requests = (await emulator.RequestsNamingAsync(id)).Skip(before).ToList();
            var attachments = string.Join(", ", read.Message.Attachments.Select(a => $"{a.FileName} {a.Content.Length:N0} / {a.Size:N0}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {(attachments.Length == 0 ? "none" : attachments)} | {requests.Count} | {Shapes(requests, id)} |");
        }

        text.AppendLine();
        text.AppendLine("| Read of \"large\" | Managed heap peak above baseline | Allocated | Time |");
        text.AppendLine("| --- | --- | --- | --- |");
        for (var i = 1; i <= settings.Reads; i++)
        {
            var measured = await ManagedPeak.MeasureAsync(() => mailbox.GetMessageAsync(h.TenantId, h.User, h.Messages["large"]));
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {i} | {Mb(measured.PeakAboveBaseline)} | {Mb(measured.Allocated)} | {measured.Elapsed.TotalMilliseconds:N0} ms |");
        }
        // A rewrite's copy must carry the attachment the scan did not read: measured once, after the reads.
        var original = await mailbox.GetMessageAsync(h.TenantId, h.User, h.Messages["large"]);
        var beforeCopy = (await emulator.RequestsAsync()).Count;
        var copy = await ManagedPeak.MeasureAsync(() => mailbox.CreateReceivedCopyAsync(h.TenantId, h.User, original,
            new ReceivedCopy("<p>See <a href=\"https://scanner.example/blocked\">the invoice</a>.</p>", null)));
        var copyRequests = (await emulator.RequestsAsync()).Count - beforeCopy;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| copy of \"large\" (CreateReceivedCopyAsync, {copyRequests} requests) | {Mb(copy.PeakAboveBaseline)} | {Mb(copy.Allocated)} | {copy.Elapsed.TotalMilliseconds:N0} ms |");
        text.AppendLine();
        text.Append(await RewriteRequestsLoad.RunAsync(emulator, mailbox));
        using var self = Process.GetCurrentProcess();
        text.Append(CultureInfo.InvariantCulture, $"Reader process peak working set (VmHWM, whole run): {Mb(self.PeakWorkingSet64)}");
        return text.ToString();
    }

    private static string Shapes(IEnumerable<LoggedRequest> requests, string id) =>
        string.Join("; ", requests
            .Select(r => $"{r.Method} {Shape(r.Path, id)} {r.Status}")
            .GroupBy(s => s)
            .Select(g => g.Count() == 1 ? g.Key : $"{g.Key} ×{g.Count()}"));

    // "/v1.0/users/{user}/messages/{id}/attachments/{attachment}/$value": ids out, so requests of one shape group.
    private static string Shape(string path, string messageId)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i] == messageId) segments[i] = "{id}";
            else if (i > 0 && segments[i - 1] == "users") segments[i] = "{user}";
            else if (i > 0 && segments[i - 1] == "attachments") segments[i] = "{attachment}";
        }
        return "/" + string.Join('/', segments);
    }

    private static string Mb(long bytes) => (bytes / (1024.0 * 1024)).ToString("N1", CultureInfo.InvariantCulture) + " MB";
}
