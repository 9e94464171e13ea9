using System.Diagnostics;
using System.Globalization;
using System.Text;
using M365Scanner.Benchmarks.Hosting;
using M365Scanner.Core.Hunting;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Tests.TestSupport;
using M365Scanner.GraphEmulator;
using M365Scanner.GraphEmulator.Faults;
using M365Scanner.Host.Baselines;
using M365Scanner.Host.Hunts;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Benchmarks.Hunting;

/// <summary>
/// What an IOC hunt and a retro-hunt cost against Outlook's per-mailbox budget: one mailbox seeded with
/// <c>--messages</c> inbox messages over the last 40 hours (1 in 10 with a one-page PDF carrying two links, 1 in 100
/// carrying the hunted domain, half in the body and half only in its PDF), each recorded as scanned so the retro-hunt
/// re-scores it. The emulator's Outlook throttling is on with <c>--budget</c> (requests per app and mailbox / window
/// seconds; Exchange Online's 10000/600 by default, 4 concurrent). For each hunt page size the product's own host
/// learns the baseline, then runs an IOC hunt of the domain, one of a sender (news@vendor7.example, 10 messages) and the
/// retro-hunt as Hangfire jobs (the admin API's path, without
/// acting), and this prints Graph requests per 1,000 messages, messages/s, the share of the budget, and the 429s.
/// </summary>
/// <remarks><c>dotnet run -c Release --project tests/M365Scanner.Benchmarks -- hunt-cost --messages 5000 --pages 25,100</c>;
/// <c>--budget 50/3</c> keeps Outlook's rate (16.7 requests/s) in windows short enough for the hunt to run into it;
/// <c>--latency-ms 250</c> delays each of the hunts' Graph requests as a round trip to the real service would.</remarks>
public static class HuntCost
{
    private const string Mailbox = "bob@contoso.example";
    private const string Secret = "bench-client-secret";
    private const string Hunted = "evil-share.example";
    private const int WindowHours = 48;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = int.Parse(Option(args, "--messages", "5000"), CultureInfo.InvariantCulture);
        var pageSizes = Option(args, "--pages", "25,100").Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var budget = Option(args, "--budget", "10000/600").Split('/').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        var throttling = new ThrottlingOptions { Enabled = true, RequestsPerWindow = budget[0], Window = TimeSpan.FromSeconds(budget[1]) };
        var budgetPerSecond = (double)budget[0] / budget[1];
        var latency = TimeSpan.FromMilliseconds(int.Parse(Option(args, "--latency-ms", "0"), CultureInfo.InvariantCulture));

        await using var emulator = await EmulatorHost.StartAsync();
        var tenant = emulator.Control.CreateTenant(domain: "contoso.example");
        var app = emulator.Control.RegisterApp(tenant.Id, secret: Secret, grantedRoles: ["Mail.ReadWrite", "User.Read.All"]);
        emulator.Control.AddUser(tenant.Id, Mailbox, "Bob");
        var seeded = Seed(emulator, tenant.Id, count);
        Console.WriteLine($"{count:N0} inbox messages ({seeded.Count(s => s.Pdf):N0} with a PDF, {seeded.Count(s => s.Carrier):N0} with {Hunted}), " +
                          $"throttling {budget[0]:N0} requests / {budget[1]} s per app and mailbox ({budgetPerSecond:0.0}/s), " +
                          $"{throttling.ConcurrentRequestsPerMailbox} concurrent; hunts' requests delayed {latency.TotalMilliseconds:0} ms each; " +
                          $"{Environment.ProcessorCount} cores; {Uptime()}");
        Console.WriteLine("| Hunt | Page size | Messages | Graph requests (pages + attachments + other) | Requests per 1,000 messages | " +
                          "Response MB | Seconds | Messages/s | Requests/s (share of the budget's rate) | One hunt's share of a window's budget | " +
                          "Budget-bound messages/s | 429s | Matches | Errors |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var pageSize in pageSizes)
        {
            emulator.Control.SetThrottling(throttling);
            await using var scanner = ScannerOnEmulator.Build(emulator, tenant.Id, app.ClientId, Secret, Mailbox, new Dictionary<string, string?>
            {
                ["Graph:HuntPageSize"] = pageSize.ToString(CultureInfo.InvariantCulture),
                // Only the hunts started here run: the hourly one must not fire in the middle.
                ["Scanner:RetroHuntCron"] = "0 0 1 1 *",
            });
            await scanner.App.StartAsync();
            var services = scanner.App.Services;
            await ReadyAsync(emulator, services, tenant.Id);
            // Graph answers in 100s of milliseconds where the emulator takes one: with a delay on every request the
            // hunt's pace is set by round trips, as in production, instead of by this machine's CPU.
            if (latency > TimeSpan.Zero)
                emulator.Control.InjectFault(new FaultRule { Kind = FaultKind.Delay, Pattern = "^/v1.0/", Delay = latency });
            var verdicts = services.GetRequiredService<IVerdictStore>();
            foreach (var s in seeded)
                verdicts.Record(new VerdictRecord(MessageKey.Of(tenant.Id, Mailbox, s.InternetMessageId, s.GraphId), s.GraphId,
                    DateTimeOffset.UtcNow, MessageAction.Allow, 0, "seeded as scanned", false, "[]", ""));

            var launcher = services.GetRequiredService<HuntLauncher>();
            // The IOC hunts first: the retro-hunt then also checks every message against the indicators hunted before.
            foreach (var (name, indicator) in new (string, Indicator?)[]
                     { ("IOC", Indicator.Domain(Hunted)), ("IOC sender", Indicator.Sender("news@vendor7.example")), ("retro", null) })
            {
                emulator.Control.SetThrottling(throttling);
                emulator.Control.ClearRequests();
                var started = indicator is not null
                    ? launcher.StartIoc(indicator, tenant.Id, WindowHours, act: false, HuntRequester.Schedule)
                    : launcher.StartRetro(tenant.Id, WindowHours, act: false, HuntRequester.Schedule);
                var done = await FinishedAsync(services.GetRequiredService<IHuntStore>(), started.Id);
                Console.WriteLine(Row(name, pageSize, done, emulator.Control.Requests, budget[0], budgetPerSecond));
            }
            emulator.Control.ClearFaults();
        }
        Console.WriteLine(Uptime());
        return 0;
    }

    private static string Row(string hunt, int pageSize, HuntReport done, IReadOnlyList<LoggedRequest> log, int budget, double budgetPerSecond)
    {
        var graph = log.Where(r => r.Path.StartsWith("/v1.0/", StringComparison.Ordinal)).ToList();
        var throttled = graph.Count(r => r.Status == 429);
        var admitted = graph.Where(r => r.Status != 429).ToList();
        var pages = admitted.Count(r => r.Path.Contains("/mailFolders/", StringComparison.Ordinal) && r.Path.EndsWith("/messages", StringComparison.Ordinal));
        var attachments = admitted.Count(r => r.Path.Contains("/attachments", StringComparison.Ordinal));
        var other = admitted.Count - pages - attachments;
        var seconds = (done.FinishedAt!.Value - done.StartedAt!.Value).TotalSeconds;
        var messages = Math.Max(1, done.MessagesExamined);
        var perMessage = (double)admitted.Count / messages;
        var megabytes = admitted.Sum(r => r.ResponseBytes) / 1e6;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {hunt} | {pageSize} | {done.MessagesExamined:N0} | {admitted.Count:N0} ({pages} + {attachments} + {other}) | " +
            $"{perMessage * 1000:0.0} | {megabytes:0.0} | {seconds:0.00} | {messages / seconds:N0} | {admitted.Count / seconds:0.0} ({admitted.Count / seconds / budgetPerSecond:P0}) | " +
            $"{(double)admitted.Count / budget:P1} | {budgetPerSecond / perMessage:N0} | {throttled} | {done.Matches.Count} | {done.Errors.Count}{(done.State == HuntState.Completed ? "" : " (" + done.State + ")")} |");
    }

    /// <summary>Waits for the baseline and the first catch-up, then for the start-up's requests to stop, so the hunts'
    /// counts are theirs alone.</summary>
    private static async Task ReadyAsync(EmulatorHost emulator, IServiceProvider services, string tenantId)
    {
        var state = services.GetRequiredService<IWorkerStateStore>();
        var clock = Stopwatch.StartNew();
        while (!BaselineStatus.IsComplete(state.GetBaselineProgress(tenantId, Mailbox)) || state.GetDeltaLink(tenantId, Mailbox, "inbox") is null)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
                throw new TimeoutException("The baseline and the first catch-up did not complete within 10 minutes.");
            await Task.Delay(50);
        }
        var seen = -1;
        while (emulator.Control.Requests.Count is var now && now != seen && clock.Elapsed < TimeSpan.FromMinutes(11))
        {
            seen = now;
            await Task.Delay(1000);
        }
    }

    private static async Task<HuntReport> FinishedAsync(IHuntStore store, string id)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (store.Get(id) is { State: HuntState.Completed or HuntState.Failed } done)
                return done;
            if (clock.Elapsed > TimeSpan.FromMinutes(30))
                throw new TimeoutException($"Hunt {id} did not finish within 30 minutes.");
            await Task.Delay(50);
        }
    }

    private sealed record Seeded(string GraphId, string InternetMessageId, bool Pdf, bool Carrier);

    /// <summary>Mail from 500 vendors over the last 40 hours: an HTML body of about 1 KB with two links; 1 in 10 with
    /// a one-page PDF of two links; 1 in 100 carrying <see cref="Hunted"/> (even ones in the body, odd ones in the
    /// PDF).</summary>
    private static List<Seeded> Seed(EmulatorHost emulator, string tenantId, int count)
    {
        var cleanPdfs = Enumerable.Range(0, 10).Select(i => MinimalPdf.Build(new MinimalPage([$"Invoice {i}", "Terms apply"],
            [MinimalPdf.UriLink($"https://portal.vendor{i}.example/invoice/{i}"),
             MinimalPdf.UriLink($"https://vendor{i}.example/terms", "[70 700 400 720]")]))).ToArray();
        var huntedPdf = MinimalPdf.Build(new MinimalPage(["Statement"], [MinimalPdf.UriLink($"https://files.{Hunted}/s/8f3k")]));
        var start = DateTimeOffset.UtcNow.AddHours(-40);
        var step = TimeSpan.FromHours(39) / count;
        var seeded = new List<Seeded>(count);
        for (var i = 0; i < count; i++)
        {
            var vendor = $"vendor{i % 500}.example";
            var carrier = i % 100 == 0;
            var inPdf = carrier && i % 200 != 0;
            var link = carrier && !inPdf ? $"https://{Hunted}/doc/{i}" : $"https://www.{vendor}/news/{i}";
            var pdf = inPdf ? huntedPdf : i % 10 == 5 ? cleanPdfs[i % cleanPdfs.Length] : null;
            var id = $"hunt-{i}@{vendor}";
            var at = start + step * i;
            var html = $"<html><body><p>Hello Bob,</p><p>Our update is <a href=\"{link}\">here</a>.</p>" +
                       string.Concat(Enumerable.Repeat("<p>Figures, minutes and the usual follow-ups.</p>", 12)) +
                       $"<p>Unsubscribe at <a href=\"https://www.{vendor}/unsubscribe?u={i}\">this page</a>.</p></body></html>";
            var graphId = emulator.Control.Deliver(tenantId, Mailbox, Mime($"news@{vendor}", id, i, at, html, pdf), receivedAt: at);
            seeded.Add(new Seeded(graphId, id, pdf is not null, carrier));
        }
        return seeded;
    }

    private static byte[] Mime(string from, string messageId, int i, DateTimeOffset at, string html, byte[]? pdf)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"From: {from}\r\nTo: {Mailbox}\r\nSubject: Update {i}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Date: {at.ToString("r", CultureInfo.InvariantCulture)}\r\nMessage-ID: <{messageId}>\r\nMIME-Version: 1.0\r\n");
        if (pdf is null)
            text.Append("Content-Type: text/html; charset=utf-8\r\n\r\n").Append(html).Append("\r\n");
        else
            text.Append("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n")
                .Append(html).Append("\r\n--b\r\nContent-Type: application/pdf; name=\"statement.pdf\"\r\n")
                .Append("Content-Disposition: attachment; filename=\"statement.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                .Append(Convert.ToBase64String(pdf, Base64FormattingOptions.InsertLineBreaks)).Append("\r\n--b--\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Uptime()
    {
        try
        {
            return "load average " + File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Aggregate((a, b) => a + " " + b);
        }
        catch (IOException)
        {
            return "load average unknown";
        }
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
