using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.Scanning;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.Scanning;

/// <summary>
/// A message whose scan fails every time, or whose host dies under it, delivered through the emulator: after
/// Scanner:MaxScanAttempts attempts it is contained (a fail-safe verdict recorded once, quarantined under Enforce,
/// audited, listed by the admin API) and never scanned again, while other mail is scanned as usual.
/// </summary>
public class PoisonMessageTests
{
    private const string Carol = "carol@contoso.example";
    private const string Quarantine = "M365Scanner Quarantine";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task MessageWhoseScanAlwaysThrows_EndsPoison_QuarantinedAndListed_WhileAnotherMailboxIsScanned()
    {
        await using var env = await ScannerEnvironment.StartAsync(otherMailboxes: [Carol]);
        using var metrics = new RecordedMetrics(env.Host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var scans = 0;
        env.ScanFaults.BeforeScan = (key, _) =>
        {
            if (key.MessageId != "poison-1@partner.example")
                return;
            Interlocked.Increment(ref scans);
            throw new InvalidOperationException("the document trips the parser (test hook)");
        };
        var mime = PartnerMessage("poison-1@partner.example");
        var graphId = env.Deliver(mime);
        await Eventually.True(() => Volatile.Read(ref scans) >= 1, "the first attempt to fail");

        // Mail to another mailbox while the poison message's job is failing and being retried.
        var other = PartnerMessage("meanwhile@partner.example", Carol);
        env.Deliver(other, Carol);
        Assert.Equal(MessageAction.Allow, (await env.VerdictForAsync("meanwhile@partner.example", Carol)).Action);
        Assert.Equal(other, Assert.Single(env.InFolder("Inbox", "meanwhile@partner.example", Carol)).Mime);

        var verdict = await env.VerdictForAsync("poison-1@partner.example");
        var job = await Eventually.Until(() => ScanJobs.Succeeded(env, graphId), "the poison message's job to end (contained, not failed)");

        Assert.Equal(3, Volatile.Read(ref scans));
        Assert.Equal((MessageAction.Quarantine, true), (verdict.Action, verdict.Enforced));
        Assert.Equal("poison: the scan failed 3 times: InvalidOperationException: the document trips the parser (test hook)", verdict.Notes);
        Assert.Empty(env.InFolder("Inbox", "poison-1@partner.example"));
        var quarantined = Assert.Single(env.Folder(Quarantine));
        Assert.Equal(mime, quarantined.Mime);
        var entry = Assert.Single(env.Audit.Query(env.TenantId));
        Assert.Equal((AuditAction.Quarantine, AuditState.Completed, "scanner"), (entry.Action, entry.State, entry.Actor));
        Assert.Equal(("poison-1@partner.example", quarantined.Id), (entry.Key.MessageId, entry.OriginalMessageId));
        Assert.StartsWith("poison: the scan failed 3 times", entry.Reasons);

        using var admin = env.AdminClient();
        var listed = Assert.Single(await admin.GetFromJsonAsync<JsonElement[]>("/api/admin/poison", Json) ?? []);
        Assert.Equal(env.TenantId, listed.GetProperty("tenantId").GetString());
        Assert.Equal(ScannerEnvironment.Mailbox, listed.GetProperty("mailbox").GetString());
        Assert.Equal(graphId, listed.GetProperty("messageId").GetString());
        Assert.Equal("poison-1@partner.example", listed.GetProperty("internetMessageId").GetString());
        Assert.Equal("Quarterly figures", listed.GetProperty("subject").GetString());
        Assert.Equal(ScannerEnvironment.Partner, listed.GetProperty("sender").GetString());
        Assert.Equal("the scan failed 3 times: InvalidOperationException: the document trips the parser (test hook)",
            listed.GetProperty("reason").GetString());
        Assert.Equal(3, listed.GetProperty("attempts").GetInt32());
        Assert.True(listed.GetProperty("firstSeen").GetDateTimeOffset() < listed.GetProperty("lastSeen").GetDateTimeOffset());
        Assert.Equal("quarantine", listed.GetProperty("action").GetString());
        Assert.True(listed.GetProperty("enforced").GetBoolean());
        Assert.Empty(await admin.GetFromJsonAsync<JsonElement[]>($"/api/admin/poison?mailbox={Carol}", Json) ?? []);
        Assert.Single(await admin.GetFromJsonAsync<JsonElement[]>($"/api/admin/poison?tenant={env.TenantId}&limit=5", Json) ?? []);

        // Never scanned again: its own job run again (crash recovery's way) and a new job for it (a notification's or
        // catch-up's way, with the id it has in quarantine) both find the verdict and return.
        ScanJobs.RunAgain(env, job);
        await Eventually.True(() => ScanJobs.State(env, job) == "Succeeded", "the re-run of the poison message's job to end");
        var fresh = ScanJobs.Enqueue(env, ScannerEnvironment.Mailbox, quarantined.Id);
        await Eventually.True(() => ScanJobs.State(env, fresh) == "Succeeded", "a new job for the poison message to end");

        Assert.Equal(3, Volatile.Read(ref scans));
        Assert.Equal(1, metrics.Sum("m365scanner.verdicts", ("action", "quarantine")));
        Assert.Single(env.Audit.Query(env.TenantId));
        Assert.Single(env.Folder(Quarantine));
    }

    // A host killed mid-scan never reports on its attempt. Here the hook hangs the attempt for the rest of the test,
    // deaf to the job's cancellation (Hangfire cancels a run whose job is put back), as a dead host leaves it; the job
    // is put back under the same id, as crash recovery does after a restart.
    [Fact]
    public async Task ScanWhoseHostDiesUnderIt_StaysCounted_AndTheRerunAfterTheLastFindsThePoison()
    {
        using var dead = new ManualResetEventSlim();
        await using var env = await ScannerEnvironment.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Scanner:MaxScanAttempts"] = "2",
            // The hung attempts hold their workers; enough remain for the re-runs.
            ["Scanner:Workers"] = "6",
        });
        var started = 0;
        env.ScanFaults.BeforeScan = (key, _) =>
        {
            if (key.MessageId != "dies@partner.example")
                return;
            Interlocked.Increment(ref started);
            dead.Wait();
            throw new IOException("the abandoned attempt, let go when the test ends (test hook)");
        };
        try
        {
            var mime = PartnerMessage("dies@partner.example");
            var graphId = env.Deliver(mime);

            for (var attempt = 1; attempt <= 2; attempt++)
            {
                var counted = attempt;
                await Eventually.True(() => Volatile.Read(ref started) == counted, $"attempt {counted} to start and hang");
                var job = await Eventually.Until(() => ScanJobs.Processing(env, graphId), "the hanging job");
                ScanJobs.RunAgain(env, job);
            }
            var verdict = await env.VerdictForAsync("dies@partner.example");

            Assert.Equal(2, Volatile.Read(ref started));
            Assert.Equal((MessageAction.Quarantine, true), (verdict.Action, verdict.Enforced));
            Assert.Equal("poison: the scan failed 2 times: its process stopped", verdict.Notes);
            Assert.Equal(mime, Assert.Single(env.Folder(Quarantine)).Mime);
            Assert.Empty(env.InFolder("Inbox", "dies@partner.example"));
            var poison = Assert.Single(env.Host.Services.GetRequiredService<IScanAttemptStore>().QueryPoison(new PoisonQuery(env.TenantId)));
            Assert.Equal(("the scan failed 2 times: its process stopped", 2), (poison.Reason, poison.Attempts));
        }
        finally
        {
            dead.Set(); // so the host can stop
        }
    }

    [Fact]
    public async Task PoisonMessage_InAReportOnlyTenant_IsRecordedAndListed_AndLeftInTheInbox()
    {
        await using var env = await ScannerEnvironment.StartAsync("ReportOnly",
            settings: new Dictionary<string, string?> { ["Scanner:MaxScanAttempts"] = "1" });
        env.ScanFaults.BeforeScan = (key, _) =>
        {
            if (key.MessageId == "report-only-poison@partner.example")
                throw new FormatException("bad xref table (test hook)");
        };
        var mime = PartnerMessage("report-only-poison@partner.example");
        var graphId = env.Deliver(mime);

        var verdict = await env.VerdictForAsync("report-only-poison@partner.example");

        Assert.Equal((MessageAction.Quarantine, false), (verdict.Action, verdict.Enforced));
        Assert.Equal("poison: the scan failed 1 time: FormatException: bad xref table (test hook)", verdict.Notes);
        var inbox = Assert.Single(env.InFolder("Inbox", "report-only-poison@partner.example"));
        Assert.Equal((graphId, mime), (inbox.Id, inbox.Mime));
        Assert.Empty(env.Folder(Quarantine));
        Assert.Empty(env.Audit.Query(env.TenantId));
        using var admin = env.AdminClient();
        var listed = Assert.Single(await admin.GetFromJsonAsync<JsonElement[]>("/api/admin/poison", Json) ?? []);
        Assert.Equal(("quarantine", false), (listed.GetProperty("action").GetString(), listed.GetProperty("enforced").GetBoolean()));
    }

    [Fact]
    public async Task VerdictNoteSayingTheParseWorkerDied_MarksThePoison_AndTheVerdictIsRecordedAsUsual()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        const string note = "pdf could not be read: attachment:invoice.pdf: its parse worker died (exit code 134)";
        env.ScanFaults.ParserNotes = key => key.MessageId == "worker-died@partner.example" ? [note] : [];
        var mime = PartnerMessage("worker-died@partner.example");
        var graphId = env.Deliver(mime);

        var verdict = await env.VerdictForAsync("worker-died@partner.example");

        Assert.Equal(MessageAction.Allow, verdict.Action);
        Assert.Contains(note, verdict.Notes.Split('\n'));
        Assert.Equal(mime, Assert.Single(env.InFolder("Inbox", "worker-died@partner.example")).Mime);
        using var admin = env.AdminClient();
        var listed = Assert.Single(await admin.GetFromJsonAsync<JsonElement[]>("/api/admin/poison", Json) ?? []);
        Assert.Equal((note, 1, "allow", graphId), (listed.GetProperty("reason").GetString(), listed.GetProperty("attempts").GetInt32(),
            listed.GetProperty("action").GetString(), listed.GetProperty("messageId").GetString()));
    }

    [Fact]
    public async Task PoisonList_NeedsAKey()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = new Uri(env.BaseUrl) };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/poison")).StatusCode);
    }

    /// <summary>A plain message from the long-trusted partner: nothing in it would be acted on if it could be scanned.</summary>
    private static byte[] PartnerMessage(string messageId, string to = ScannerEnvironment.Mailbox) =>
        Mime.Message(ScannerEnvironment.Partner, to, "Quarterly figures",
            "Hello, the figures are at https://docs.partner.example/minutes/q3 as usual.", DateTimeOffset.UtcNow, messageId: messageId);
}
