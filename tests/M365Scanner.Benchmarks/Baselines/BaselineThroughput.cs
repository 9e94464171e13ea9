using System.Diagnostics;
using System.Globalization;
using System.Text;
using M365Scanner.Core.Operations;
using M365Scanner.Benchmarks.Hosting;
using M365Scanner.GraphEmulator;
using M365Scanner.Host.Baselines;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Benchmarks.Baselines;

/// <summary>
/// Baseline throughput against the Graph emulator, with its Outlook throttling on at Exchange Online's budget (10,000
/// requests per 10 minutes per app and mailbox, 4 concurrent): one mailbox with <c>--messages</c> history messages per
/// folder (Sent Items and Inbox, ~3 KB HTML bodies with three links each; <c>--mail usrp</c> fills the Inbox with the
/// real list mail of shared/data instead, whose Received chains, DKIM signatures and HTML bodies make a page as large as
/// real mail makes it), learned by the host's own <see cref="BaselineJob"/> into a SQLite graph, once per page size.
/// Prints Graph requests per 1,000 messages, the response bytes per message and of the largest page, history
/// messages per second and the 429s. Not a BenchmarkDotNet suite: one baseline is seconds long and its request count is
/// the point.
/// </summary>
/// <remarks><c>dotnet run -c Release --project tests/M365Scanner.Benchmarks -- baseline-throughput --messages 2500 --pages 50,100,250,1000 [--mail usrp]</c></remarks>
public static class BaselineThroughput
{
    private const string Mailbox = "bob@contoso.example";
    private const string Secret = "bench-client-secret";

    public static async Task<int> RunAsync(string[] args)
    {
        var perFolder = Option(args, "--messages", "2500").Split(',').Select(int.Parse).Single();
        var pageSizes = Option(args, "--pages", "50,100,250,1000").Split(',').Select(int.Parse).ToArray();
        var realMail = Option(args, "--mail", "synthetic") == "usrp";
        await using var emulator = await EmulatorHost.StartAsync();
        var tenant = emulator.Control.CreateTenant(domain: "contoso.example");
        var app = emulator.Control.RegisterApp(tenant.Id, secret: Secret, grantedRoles: ["Mail.ReadWrite", "User.Read.All"]);
        emulator.Control.AddUser(tenant.Id, Mailbox, "Bob");
        var throttling = new ThrottlingOptions { Enabled = true };
        var inbox = Seed(emulator, tenant.Id, perFolder, realMail);
        Console.WriteLine($"{perFolder + inbox:N0} history messages (Sent Items and Inbox, {(realMail ? "Inbox: usrp-users list mail" : "synthetic")}), " +
                          $"SQLite graph, throttling {throttling.RequestsPerWindow:N0} / {throttling.Window.TotalSeconds:0} s, " +
                          $"{throttling.ConcurrentRequestsPerMailbox} concurrent; {Environment.ProcessorCount} cores; load average {LoadAverage()}");
        Console.WriteLine("| Page size ($top) | Graph requests | Requests per 1,000 messages | KB per message | Largest page MB | Seconds | History messages/s | 429s |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var pageSize in pageSizes)
        {
            emulator.Control.SetThrottling(throttling);
            emulator.Control.ClearRequests();
            var (seconds, learned) = await BaselineOnceAsync(emulator, tenant.Id, app.ClientId, pageSize);
            var pages = emulator.Control.Requests.Where(r => r.Method == "GET" && r.Path.Contains("/mailFolders/", StringComparison.Ordinal)
                                                             && r.Path.EndsWith("/messages", StringComparison.Ordinal)).ToList();
            var admitted = pages.Where(r => r.Status != 429).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {pageSize} | {admitted.Count} | {admitted.Count * 1000.0 / learned:0.0} | {admitted.Sum(r => r.ResponseBytes) / 1024.0 / learned:0.0} | " +
                $"{admitted.Select(r => r.ResponseBytes).DefaultIfEmpty(0).Max() / 1e6:0.00} | {seconds:0.00} | {learned / seconds:N0} | {pages.Count - admitted.Count} |"));
        }
        Console.WriteLine($"load average {LoadAverage()}");
        return 0;
    }

    private static async Task<(double Seconds, long Learned)> BaselineOnceAsync(EmulatorHost emulator, string tenantId, string clientId, int pageSize)
    {
        await using var scanner = ScannerOnEmulator.Build(emulator, tenantId, clientId, Secret, Mailbox, new Dictionary<string, string?>
        {
            ["Graph:HistoryPageSize"] = pageSize.ToString(CultureInfo.InvariantCulture),
        });
        var state = scanner.App.Services.GetRequiredService<IWorkerStateStore>();
        var clock = Stopwatch.StartNew();
        await scanner.App.StartAsync();
        while (!BaselineStatus.IsComplete(state.GetBaselineProgress(tenantId, Mailbox)))
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
                throw new TimeoutException("The baseline did not complete within 10 minutes.");
            await Task.Delay(10);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var learned = state.GetBaselineProgress(tenantId, Mailbox).Sum(p => p.Learned);
        return (seconds, learned);
    }

    /// <summary>Bob's sent mail to 50 colleagues over 85 days, each with an HTML body of about 3 KB carrying three
    /// links, and as many messages in the Inbox: from 200 external senders like the sent ones, or (with
    /// <paramref name="realMail"/>) the usrp-users list mail of shared/data, as many as there are, its dates moved into
    /// the same 85 days. Returns how many went into the Inbox.</summary>
    private static int Seed(EmulatorHost emulator, string tenantId, int perFolder, bool realMail)
    {
        var start = DateTimeOffset.UtcNow.AddDays(-85);
        var step = TimeSpan.FromDays(84) / perFolder;
        for (var i = 0; i < perFolder; i++)
            emulator.Control.Deliver(tenantId, Mailbox, Mime(Mailbox, $"colleague{i % 50}@contoso.example", i, start + step * i),
                folder: "sentitems", receivedAt: start + step * i);
        if (realMail)
        {
            var files = Directory.EnumerateFiles(SharedData.PathOf("lists", "usrp-users"), "*.eml", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal).Take(perFolder).ToList();
            var listStep = TimeSpan.FromDays(84) / files.Count;
            for (var i = 0; i < files.Count; i++)
                emulator.Control.Deliver(tenantId, Mailbox, File.ReadAllBytes(files[i]), receivedAt: start + listStep * i + TimeSpan.FromMinutes(3));
            return files.Count;
        }
        for (var i = 0; i < perFolder; i++)
        {
            var at = start + step * i + TimeSpan.FromMinutes(3);
            emulator.Control.Deliver(tenantId, Mailbox, Mime($"person{i % 200}@vendor{i % 40}.example", Mailbox, i, at), receivedAt: at);
        }
        return perFolder;
    }

    private static byte[] Mime(string from, string to, int i, DateTimeOffset at)
    {
        var domain = from[(from.IndexOf('@') + 1)..];
        var filler = string.Concat(Enumerable.Repeat("<p>Quarterly figures, minutes and the usual follow-ups from the meeting.</p>", 30));
        var html = $"<html><body><p>Hello,</p>{filler}<p><a href=\"https://docs.{domain}/d/{i}\">document</a> · " +
                   $"<a href=\"https://portal.{domain}/p/{i % 7}\">portal</a> · <a href=\"https://www.{domain}/\">site</a></p></body></html>";
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"From: {from}\r\nTo: {to}\r\nSubject: Update {i}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Date: {at.ToString("r", CultureInfo.InvariantCulture)}\r\nMessage-ID: <bench-{i}-{Guid.NewGuid():N}@{domain}>\r\n")
            .Append("MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n")
            .Append(html).Append("\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
