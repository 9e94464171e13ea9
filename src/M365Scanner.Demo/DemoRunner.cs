using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Hangfire;
using M365Scanner.Core.Links.Extraction;
using M365Scanner.Core.Mail;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Scanning;
using M365Scanner.Demo.Scenario;
using M365Scanner.GraphEmulator;
using M365Scanner.GraphEmulator.Control;
using M365Scanner.Host;
using M365Scanner.Host.Admin;
using M365Scanner.Host.AnalystConsole;
using M365Scanner.Host.Baselines;
using M365Scanner.Host.Scanning;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Demo;

/// <summary>
/// The demo, start to end: the Graph emulator seeded with Enron mailboxes (history moved into the last 80 days), the
/// host against it (SQLite stores and Hangfire storage, policy Enforce), the baselines, then the scenario's messages
/// delivered one by one, each verdict and what happened in the mailbox printed as it comes. Every wait is on a
/// condition with a deadline.
/// </summary>
public sealed class DemoRunner(DemoSettings settings, TextWriter output, TextWriter error)
{
    /// <summary>The hidden folder the host quarantines into (the Graph adapter's name for it).</summary>
    public const string QuarantineFolder = "M365Scanner Quarantine";

    /// <summary>Where each inbox's history lands: within the 90 days the baseline reads, ending now.</summary>
    public static readonly TimeSpan HistoryPeriod = TimeSpan.FromDays(80);

    private static readonly TimeSpan SetupTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan MessageTimeout = TimeSpan.FromSeconds(60);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    /// <summary>Runs the demo. 0 when every step succeeded, 1 when one failed (stderr says which), 130 when interrupted.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        try
        {
            return await RunScenarioAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            Say("Interrupted; stopped.");
            return ExitCodes.Interrupted;
        }
        catch (DemoFailure failure)
        {
            await error.WriteLineAsync($"demo failed: {failure.Message}");
            return ExitCodes.Failure;
        }
    }

    private async Task<int> RunScenarioAsync(CancellationToken ct)
    {
        await using var session = await StartAsync(ct);
        if (!settings.Once)
        {
            Say($"The host keeps running: dashboard at {session.BaseUrl}{DashboardEndpoint.Path}. Press Ctrl+C to stop.");
            try { await Task.Delay(Timeout.Infinite, ct); }
            catch (OperationCanceledException) { }
        }
        return ExitCodes.Success;
    }

    /// <summary>
    /// Starts the emulator and the host, waits for every mailbox's protection, delivers the scenario and prints its
    /// summary, then returns the running demo (which the caller disposes). Prints what <see cref="RunAsync"/> prints.
    /// </summary>
    /// <exception cref="DemoFailure">A step failed or timed out (everything started is stopped first).</exception>
    public async Task<DemoSession> StartAsync(CancellationToken ct)
    {
        Say("Starting the Graph emulator (HTTPS on 127.0.0.1)");
        var session = new DemoSession(this, await EmulatorHost.StartAsync(cancellationToken: ct), Say);
        try
        {
            await RunScenarioAsync(session, ct);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private async Task RunScenarioAsync(DemoSession session, CancellationToken ct)
    {
        var emulator = session.Emulator;
        var enron = Path.Combine(settings.SharedData, "enron");
        var seeded = DemoSeed.Seed(emulator.Control, enron, settings.Mailboxes, HistoryPeriod);
        if (seeded.Count == 0)
            throw new DemoFailure($"no Enron mailbox found under {enron}");
        Say($"Tenant {DemoSeed.Domain} ({DemoSeed.TenantId}): {seeded.Count} mailbox(es), history re-dated into the last {HistoryPeriod.TotalDays:0} days");
        foreach (var mailbox in seeded)
            Say($"  {mailbox.Owner}: {mailbox.Loaded} messages from {Relative(mailbox.Directory)}");

        var port = settings.Port == 0 ? FreePort() : settings.Port;
        var baseUrl = $"http://127.0.0.1:{port}";
        PrepareState();
        var host = ScannerApp.Build([], builder => builder.Configuration.AddInMemoryCollection(HostSettings(emulator, seeded, baseUrl)));
        session.Started(host, baseUrl, seeded);
        try
        {
            await host.StartAsync(ct);
        }
        catch (IOException ex)
        {
            throw new DemoFailure($"the host could not listen on {baseUrl} ({ex.Message}); pass another --port (0 picks a free one)");
        }
        Say($"Host started: SQLite stores and Hangfire storage in {settings.StateDirectory}, policy Enforce");
        Say($"Hangfire dashboard: {baseUrl}{DashboardEndpoint.Path}  (local requests need no key in demo mode)");
        Say(ConsoleLine(baseUrl));

        await WaitForProtectionAsync(host.Services, seeded, ct);
        var target = seeded[0];
        var correspondents = Correspondent.Of(target.Owner, emulator.Control.GetMessages(DemoSeed.TenantId, target.Owner));
        var scenario = DemoScenario.For(target.Owner, DemoSeed.Domain, correspondents, Path.Combine(settings.SharedData, "phishing"));
        session.Scheduled(scenario);
        var partner = scenario.Partner;
        Say($"Scenario for {target.Owner}: partner {partner.Address.Address} ({partner.Messages} messages over {partner.SpanDays:0} days" +
            (partner.UsualLinkDomain is { } usual ? $", usually links {usual})" : ", never sent a link)"));

        for (var i = 0; i < scenario.Messages.Count; i++)
        {
            if (i > 0 && !settings.Once)
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
            session.Add(await DeliverAsync(session, scenario.Messages[i], i + 1, scenario.Messages.Count, ct));
        }

        var results = session.Messages;
        var failed = results.Count(r => r.Verdict is null);
        Say("Summary:");
        foreach (var (message, verdict, outcome, _) in results)
            output.WriteLine($"  {(verdict is null ? "FAILED" : StableName.Of(verdict.Action)),-10} {(verdict is null ? "" : verdict.Score.ToString("0.00", CultureInfo.InvariantCulture)),5}  " +
                             $"{message.Kind,-19} {Shorten(verdict?.Subject ?? message.MessageId, 40),-40}  {outcome}");
        if (failed > 0)
            throw new DemoFailure($"{failed} of {results.Count} message(s) got no verdict in time (see above)");
    }

    /// <summary>Where the console is and whom to sign in as: the emulator's test users, one per app role.</summary>
    private static string ConsoleLine(string baseUrl)
    {
        var analyst = DemoSeed.ConsoleUsers.First(u => u.Role == "Analyst");
        var others = string.Join(", ", DemoSeed.ConsoleUsers.Where(u => u != analyst).Select(u => $"{u.Role} {u.UserPrincipalName} / {u.Password}"));
        return $"Console: {baseUrl}{ConsolePaths.Root}  (sign in as {analyst.UserPrincipalName} / {analyst.Password}; Admin and Reader users too: {others})";
    }

    private Dictionary<string, string?> HostSettings(EmulatorHost emulator, IReadOnlyList<SeededMailbox> seeded, string baseUrl)
    {
        // The same settings a deployment writes in appsettings.json, pointed at the emulator (as the host's tests do).
        var values = new Dictionary<string, string?>
        {
            ["Urls"] = baseUrl,
            ["Logging:LogLevel:Default"] = "Warning",
            // The demo keeps its key ring unencrypted in its own SQLite file (docs/CONSOLE.md); saying so at every start is noise here.
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
            ["Scanner:PublicBaseUrl"] = baseUrl,
            ["Storage:Provider"] = "Sqlite",
            ["Scanner:DataDirectory"] = settings.StateDirectory,
            ["Scanner:DemoMode"] = "true",
            ["Scanner:BlockedLinkSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Policy:Mode"] = "Enforce",
            // What the blocked-link page calls the demo's organisation, as a deployment names each tenant.
            [$"Scanner:OrganisationNames:{DemoSeed.TenantId}"] = "Enron",
        };
        foreach (var (key, value) in emulator.ProductGraphSettings(DemoSeed.TenantId, DemoSeed.ClientId, DemoSeed.ClientSecret))
            values[key] = value;
        // The console signs analysts in with OpenID Connect against the emulator's Entra ID, as a deployment does against
        // Entra ID; the host trusts the emulator's certificate through Graph:PinnedCertificatePem above.
        values["Console:Authority"] = new Uri(emulator.AuthorityHost, $"{DemoSeed.TenantId}/v2.0").ToString();
        values["Console:ClientId"] = DemoSeed.ConsoleClientId;
        values["Console:ClientSecret"] = DemoSeed.ConsoleClientSecret;
        for (var i = 0; i < seeded.Count; i++)
        {
            values[$"Scanner:Mailboxes:{i}:TenantId"] = DemoSeed.TenantId;
            values[$"Scanner:Mailboxes:{i}:Mailbox"] = seeded[i].Owner;
        }
        return values;
    }

    /// <summary>A fresh start: a previous run's stores remember subscriptions and delta links of an emulator that is gone.</summary>
    private void PrepareState()
    {
        Directory.CreateDirectory(settings.StateDirectory);
        foreach (var pattern in new[] { "hangfire.db*", "scanner.db*", "graph-*.db*" })
            foreach (var file in Directory.EnumerateFiles(settings.StateDirectory, pattern))
                File.Delete(file);
    }

    /// <summary>Waits until every mailbox has its subscription, its delta starting point and a finished baseline.</summary>
    private async Task WaitForProtectionAsync(IServiceProvider services, IReadOnlyList<SeededMailbox> seeded, CancellationToken ct)
    {
        var state = services.GetRequiredService<IWorkerStateStore>();
        var monitoring = services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var pending = seeded.Select(m => m.Owner).ToHashSet(StringComparer.OrdinalIgnoreCase);
        await Until(() =>
        {
            if (monitoring.FailedJobs(0, 20).FirstOrDefault(j => j.Value?.Job?.Type == typeof(BaselineJob)) is { Value: { } failed })
                throw new DemoFailure($"a baseline failed: {failed.ExceptionMessage}");
            var baselined = monitoring.SucceededJobs(0, 1000)
                .Where(j => j.Value?.Job?.Type == typeof(BaselineJob) && j.Value.Job.Args.Count > 1)
                .Select(j => j.Value.Job.Args[1] as string);
            foreach (var owner in baselined.OfType<string>().Where(pending.Contains).ToList())
            {
                pending.Remove(owner);
                Say($"Baseline of {owner} learned (its correspondents and the links they send)");
            }
            var subscribed = state.Subscriptions(DemoSeed.TenantId).Count;
            return pending.Count == 0 && subscribed >= seeded.Count &&
                   seeded.All(m => state.GetDeltaLink(DemoSeed.TenantId, m.Owner, CatchUpJob.Folder) is not null) ? "ok" : null;
        }, "the baselines, subscriptions and delta starting points", SetupTimeout, ct, () => Diagnose(monitoring));
        Say($"All {seeded.Count} mailbox(es) protected: subscribed to new mail, baselines built");
    }

    internal async Task<DeliveredMessage> DeliverAsync(DemoSession session, DemoMessage message, int number, int count, CancellationToken ct)
    {
        var (services, control, mailbox) = (session.Services, session.Emulator.Control, session.Mailbox);
        var verdicts = services.GetRequiredService<IVerdictStore>();
        var audit = services.GetRequiredService<IAuditLog>();
        var key = new MessageKey(DemoSeed.TenantId, mailbox.ToLowerInvariant(), message.MessageId);
        Say($"[{number}/{count}] Delivering ({message.Kind}): {message.Story}");
        control.Deliver(DemoSeed.TenantId, mailbox, message.Mime, receivedAt: DateTimeOffset.UtcNow);
        VerdictRecord verdict;
        try
        {
            verdict = await Until(() => verdicts.Get(key), $"a verdict for {message.MessageId}", MessageTimeout, ct,
                () => Diagnose(services.GetRequiredService<JobStorage>().GetMonitoringApi()));
        }
        catch (DemoFailure failure)
        {
            await error.WriteLineAsync($"  FAILED: {failure.Message}");
            return new DeliveredMessage(message, null, "no verdict", []);
        }

        var outcome = Outcome(control, mailbox, message.MessageId, verdict, audit.Latest(key, AuditAction.Rewrite) ?? audit.Latest(key, AuditAction.Quarantine));
        var links = JsonSerializer.Deserialize<List<LinkReport>>(verdict.LinksJson, Json) ?? [];
        output.WriteLine($"    Subject: {verdict.Subject}");
        output.WriteLine($"    From:    {verdict.Sender}");
        output.WriteLine($"    Action:  {StableName.Of(verdict.Action)} (score {verdict.Score.ToString("0.00", CultureInfo.InvariantCulture)}, {links.Count} link(s) read)");
        output.WriteLine($"    Why:     {verdict.Explanation}");
        foreach (var link in links.Where(l => l.Action != "allow"))
        {
            output.WriteLine($"    Flagged: {link.Url}");
            output.WriteLine($"             in {link.Origin}, score {link.Score.ToString("0.00", CultureInfo.InvariantCulture)}");
            foreach (var reason in link.Reasons.Take(3))
                output.WriteLine($"             - {reason}");
        }
        output.WriteLine($"    Mailbox: {outcome}");
        var blocked = verdict is { Action: MessageAction.Rewrite, Enforced: true } ? await BlockedLinksAsync(control, mailbox, message.MessageId, session.BaseUrl, ct) : [];
        if (blocked.Count > 0 && RewrittenCopy(control, mailbox, message.MessageId) is { } copy)
            foreach (var line in RewriteProof.Lines(message.Mime, copy, links, blocked))
                output.WriteLine($"    {line}");
        return new DeliveredMessage(message, verdict, outcome, blocked);
    }

    /// <summary>The blocked-link addresses of an enforced rewrite's copy; none when the copy never shows up (the
    /// printed outcome already says what the mailbox holds, and the demo's result is its verdicts).</summary>
    private static async Task<IReadOnlyList<string>> BlockedLinksAsync(EmulatorControl control, string mailbox, string messageId, string baseUrl, CancellationToken ct)
    {
        try
        {
            return await Until(() => BlockedLinks(control, mailbox, messageId, baseUrl), $"the rewritten copy of {messageId} in the Inbox",
                MessageTimeout, ct, () => "no copy with a blocked link");
        }
        catch (DemoFailure)
        {
            return [];
        }
    }

    /// <summary>The blocked-link page addresses in the copy of a message in the Inbox (read back from the emulator, links
    /// found wherever a reader would find them: bodies and attachments), or null while there is no such copy.</summary>
    private static IReadOnlyList<string>? BlockedLinks(EmulatorControl control, string mailbox, string messageId, string baseUrl)
    {
        var inbox = control.GetFolders(DemoSeed.TenantId, mailbox).First(f => f.DisplayName.Equals("Inbox", StringComparison.OrdinalIgnoreCase));
        var links = control.GetMessages(DemoSeed.TenantId, mailbox, inbox.Id)
            .Where(m => m.InternetMessageId?.Trim('<', '>') == messageId)
            .SelectMany(m => new MessageLinkExtractor().Extract(EmlReader.Read(m.Mime)).Links)
            .Select(l => l.Url)
            .Where(url => url.StartsWith($"{baseUrl}/blocked/", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        return links.Count > 0 ? links : null;
    }

    /// <summary>The MIME of the message's copy in the Inbox, or null when there is none.</summary>
    private static byte[]? RewrittenCopy(EmulatorControl control, string mailbox, string messageId)
    {
        var inbox = control.GetFolders(DemoSeed.TenantId, mailbox).First(f => f.DisplayName.Equals("Inbox", StringComparison.OrdinalIgnoreCase));
        return control.GetMessages(DemoSeed.TenantId, mailbox, inbox.Id).FirstOrDefault(m => m.InternetMessageId?.Trim('<', '>') == messageId)?.Mime;
    }

    /// <summary>What the mailbox shows now: the emulator's folders, read back, not what the host meant to do.</summary>
    private static string Outcome(EmulatorControl control, string mailbox, string messageId, VerdictRecord verdict, AuditEntry? action)
    {
        var folders = control.GetFolders(DemoSeed.TenantId, mailbox);
        int CountIn(string name) => folders.FirstOrDefault(f => f.DisplayName.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } folder
            ? control.GetMessages(DemoSeed.TenantId, mailbox, folder.Id).Count(m => m.InternetMessageId?.Trim('<', '>') == messageId)
            : 0;
        var (inbox, quarantined) = (CountIn("Inbox"), CountIn(QuarantineFolder));
        var rewritten = (JsonSerializer.Deserialize<List<LinkReport>>(verdict.LinksJson, Json) ?? []).Count(l => l.Action != "allow");
        return (action?.Action, inbox, quarantined) switch
        {
            (null, 1, 0) => "left untouched in Inbox",
            (AuditAction.Rewrite, 1, 1) => $"original moved to quarantine; copy in Inbox with {rewritten} link(s) rewritten to the blocked-link page",
            (AuditAction.Quarantine, 0, 1) => "moved to quarantine; nothing in Inbox",
            _ => $"{(action is null ? "no action" : StableName.Of(action.Action))} ({(action is null ? "-" : StableName.Of(action.State))}): {inbox} in Inbox, {quarantined} in quarantine",
        };
    }

    /// <summary>Why background jobs failed or are retrying, for a timeout's message.</summary>
    private static string Diagnose(Hangfire.Storage.IMonitoringApi monitoring)
    {
        var failed = monitoring.FailedJobs(0, 5).Select(j => $"{j.Value?.Job?.Method.Name} failed: {j.Value?.ExceptionMessage}");
        var retrying = monitoring.ScheduledJobs(0, 5).Select(j => $"{j.Value?.Job?.Method.Name} is waiting for a retry");
        return string.Join("; ", failed.Concat(retrying)) is { Length: > 0 } text ? text : "no job failed";
    }

    private static async Task<T> Until<T>(Func<T?> probe, string what, TimeSpan timeout, CancellationToken ct, Func<string> diagnose) where T : class
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            if (probe() is { } value)
                return value;
            if (DateTimeOffset.UtcNow > deadline)
                throw new DemoFailure($"timed out after {timeout.TotalSeconds:0} s waiting for {what} ({diagnose()})");
            await Task.Delay(100, ct);
        }
    }

    private void Say(string line) =>
        output.WriteLine($"[{(DateTimeOffset.UtcNow - _started).TotalSeconds,5:0.0}s] {line}");

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private string Relative(string path) => Path.GetRelativePath(settings.SharedData, path);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

}
