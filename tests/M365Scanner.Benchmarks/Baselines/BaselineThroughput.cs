using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using M365Scanner.Core.Operations;
using M365Scanner.GraphEmulator;
using M365Scanner.Host;
using M365Scanner.Host.Baselines;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace M365Scanner.Benchmarks.Baselines;

/// <summary>
/// Baseline throughput against the Graph emulator: one mailbox with <c>--messages</c> history messages per folder
/// (Sent Items and Inbox, ~3 KB HTML bodies with three links each), learned by the host's own <see cref="BaselineJob"/>
/// into a SQLite graph, once per page size. Prints history messages per second and Graph requests per 1,000 messages.
/// Not a BenchmarkDotNet suite: one baseline is seconds long and its request count is the point.
/// </summary>
/// <remarks><c>dotnet run -c Release --project tests/M365Scanner.Benchmarks -- baseline-throughput --messages 2500 --pages 50,100,250,1000</c></remarks>
public static class BaselineThroughput
{
    private const string Mailbox = "bob@contoso.example";
    private const string Secret = "bench-client-secret";

    public static async Task<int> RunAsync(string[] args)
    {
        var perFolder = Option(args, "--messages", "2500").Split(',').Select(int.Parse).Single();
        var pageSizes = Option(args, "--pages", "50,100,250,1000").Split(',').Select(int.Parse).ToArray();
        await using var emulator = await EmulatorHost.StartAsync();
        var tenant = emulator.Control.CreateTenant(domain: "contoso.example");
        var app = emulator.Control.RegisterApp(tenant.Id, secret: Secret, grantedRoles: ["Mail.ReadWrite", "User.Read.All"]);
        emulator.Control.AddUser(tenant.Id, Mailbox, "Bob");
        Seed(emulator, tenant.Id, perFolder);
        Console.WriteLine($"{2 * perFolder:N0} history messages (Sent Items and Inbox), SQLite graph, {Environment.ProcessorCount} cores");
        Console.WriteLine("| Page size ($top) | Graph requests | Requests per 1,000 messages | Seconds | History messages/s |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var pageSize in pageSizes)
        {
            emulator.Control.ClearRequests();
            var (seconds, learned) = await BaselineOnceAsync(emulator, tenant.Id, app.ClientId, pageSize);
            var requests = emulator.Control.Requests.Count(r => r.Method == "GET" && r.Path.Contains("/mailFolders/", StringComparison.Ordinal)
                                                                && r.Path.EndsWith("/messages", StringComparison.Ordinal));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {pageSize} | {requests} | {requests * 1000.0 / learned:0.0} | {seconds:0.00} | {learned / seconds:N0} |"));
        }
        return 0;
    }

    private static async Task<(double Seconds, long Learned)> BaselineOnceAsync(EmulatorHost emulator, string tenantId, string clientId, int pageSize)
    {
        var data = Path.Combine(Path.GetTempPath(), "m365scanner-bench-baseline-" + Guid.NewGuid().ToString("N"));
        var url = $"http://127.0.0.1:{FreePort()}";
        var settings = new Dictionary<string, string?>
        {
            ["Urls"] = url,
            ["Scanner:PublicBaseUrl"] = url,
            ["Storage:Provider"] = "Sqlite",
            ["Scanner:DataDirectory"] = data,
            ["Scanner:BlockedLinkSigningKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)i).ToArray()),
            ["Scanner:Mailboxes:0:TenantId"] = tenantId,
            ["Scanner:Mailboxes:0:Mailbox"] = Mailbox,
            ["Graph:HistoryPageSize"] = pageSize.ToString(CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in emulator.ProductGraphSettings(tenantId, clientId, Secret))
            settings[key] = value;
        var host = ScannerApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        var state = host.Services.GetRequiredService<IWorkerStateStore>();
        var clock = Stopwatch.StartNew();
        await host.StartAsync();
        while (!BaselineStatus.IsComplete(state.GetBaselineProgress(tenantId, Mailbox)))
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
                throw new TimeoutException("The baseline did not complete within 10 minutes.");
            await Task.Delay(10);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var learned = state.GetBaselineProgress(tenantId, Mailbox).Sum(p => p.Learned);
        await host.StopAsync();
        await host.DisposeAsync();
        Directory.Delete(data, recursive: true);
        return (seconds, learned);
    }

    /// <summary>Bob's sent mail to 50 colleagues and mail from 200 external senders over 85 days, each with an HTML
    /// body of about 3 KB carrying three links.</summary>
    private static void Seed(EmulatorHost emulator, string tenantId, int perFolder)
    {
        var start = DateTimeOffset.UtcNow.AddDays(-85);
        var step = TimeSpan.FromDays(84) / perFolder;
        for (var i = 0; i < perFolder; i++)
        {
            var at = start + step * i;
            emulator.Control.Deliver(tenantId, Mailbox, Mime(Mailbox, $"colleague{i % 50}@contoso.example", i, at), folder: "sentitems", receivedAt: at);
            emulator.Control.Deliver(tenantId, Mailbox, Mime($"person{i % 200}@vendor{i % 40}.example", Mailbox, i, at.AddMinutes(3)), receivedAt: at.AddMinutes(3));
        }
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
