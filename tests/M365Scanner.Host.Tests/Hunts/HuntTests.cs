using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Core.Tests.TestSupport;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.Hunts;

/// <summary>
/// Hunts end to end: mail delivered and allowed while a domain was trusted, then the domain is declared malicious
/// (the partner's document site, compromised) and a hunt pulls exactly the messages carrying it, in either mailbox,
/// whether the link is in the body or only inside a PDF.
/// </summary>
public class HuntTests
{
    private const string Carol = "carol@contoso.example";
    private const string Quarantine = "M365Scanner Quarantine";
    private const string Domain = "docs.partner.example";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task IocHuntForDomain_QuarantinesExactlyTheCarriers_InBodiesAndPdfs_AcrossMailboxes()
    {
        await using var env = await ScannerEnvironment.StartAsync("Enforce", otherMailboxes: [Carol]);
        var carriers = new[]
        {
            Deliver(env, ScannerEnvironment.Mailbox, "body-bob", "minutes at https://docs.partner.example/minutes/9"),
            Deliver(env, ScannerEnvironment.Mailbox, "pdf-bob", "the statement is attached", pdfLink: "https://docs.partner.example/statement/3"),
            Deliver(env, Carol, "body-carol", "agenda at https://sub.docs.partner.example/agenda"),
            Deliver(env, Carol, "pdf-carol", "the contract is attached", pdfLink: "https://docs.partner.example/contract/5"),
        };
        var others = new[]
        {
            Deliver(env, ScannerEnvironment.Mailbox, "plain-bob", "see you at lunch"),
            Deliver(env, Carol, "plain-carol", "thanks, talk tomorrow"),
            Deliver(env, Carol, "pdf-plain-carol", "the notes are attached", pdfLink: null),
        };
        foreach (var (mailbox, id) in carriers.Concat(others))
            Assert.Equal(MessageAction.Allow, (await VerdictAsync(env, mailbox, id)).Action);
        // The partner's history (20-60 days old) is outside the hunt's window of 7 days.

        using var admin = env.AdminClient();
        var started = await admin.PostAsJsonAsync("/api/admin/hunts", new { domain = Domain, days = 7 });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var huntId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var report = await CompletedAsync(env, admin, huntId);

        Assert.Equal("domain:docs.partner.example", report.Indicator);
        Assert.Equal(2, report.MailboxesExamined);
        Assert.Equal(carriers.Length + others.Length, report.MessagesExamined);
        Assert.Empty(report.Errors);
        Assert.Equal(carriers.Select(c => c.Id).Order(), report.Matches.Select(m => m.InternetMessageId!.Trim('<', '>')).Order());
        Assert.All(report.Matches, m => Assert.Equal("quarantine", m.Action));
        Assert.Equal(4, report.ActedOn);
        Assert.Contains(report.Matches, m => m.Reason.Contains("attachment:", StringComparison.Ordinal));
        foreach (var (mailbox, messageId) in carriers)
        {
            Assert.DoesNotContain(env.Folder("Inbox", mailbox), m => m.InternetMessageId?.Trim('<', '>') == messageId);
            Assert.Single(env.Folder(Quarantine, mailbox), m => m.InternetMessageId?.Trim('<', '>') == messageId);
        }
        Assert.Equal(2, env.Folder(Quarantine, ScannerEnvironment.Mailbox).Count);
        Assert.Equal(2, env.Folder(Quarantine, Carol).Count);
        foreach (var (mailbox, messageId) in others)
            Assert.Single(env.Folder("Inbox", mailbox), m => m.InternetMessageId?.Trim('<', '>') == messageId);
        // Every action is in the audit log, and a second hunt finds the four in quarantine, already acted on: nothing left to do.
        Assert.Equal(4, env.Audit.Query(env.TenantId).Count(e => e.Action == AuditAction.Quarantine && e.State == AuditState.Completed));
        var again = await CompletedAsync(env, admin, await StartAsync(admin, new { domain = Domain, days = 7 }));
        Assert.Equal(carriers.Select(c => c.Id).Order(), again.Matches.Select(m => m.InternetMessageId!.Trim('<', '>')).Order());
        Assert.All(again.Matches, m => Assert.Equal("already acted", m.Action));
        Assert.Equal(0, again.ActedOn);
        Assert.Equal(4, env.Audit.Query(env.TenantId).Count(e => e.Action == AuditAction.Quarantine));
    }

    [Fact]
    public async Task IocHuntForSender_QuarantinesTheSendersMail_WithoutReadingAnyAttachment()
    {
        await using var env = await ScannerEnvironment.StartAsync("Enforce");
        using var admin = env.AdminClient();
        var partners = Deliver(env, ScannerEnvironment.Mailbox, "sender-pdf", "the statement is attached", pdfLink: "https://docs.partner.example/statement/4");
        const string otherId = "other-sender-pdf@contoso.example";
        var pdf = MinimalPdf.Build(new MinimalPage(["Price list"], [MinimalPdf.UriLink("https://docs.partner.example/prices")]));
        env.Control.Deliver(env.TenantId, ScannerEnvironment.Mailbox, Mime.Message(Carol, ScannerEnvironment.Mailbox,
            "prices", "Hello, the price list is attached", DateTimeOffset.UtcNow, pdf: ("prices.pdf", pdf), messageId: otherId), receivedAt: DateTimeOffset.UtcNow);
        Assert.Equal(MessageAction.Allow, (await VerdictAsync(env, partners.Mailbox, partners.Id)).Action);
        Assert.Equal(MessageAction.Allow, (await VerdictAsync(env, ScannerEnvironment.Mailbox, otherId)).Action);
        env.Control.ClearRequests();

        var report = await CompletedAsync(env, admin, await StartAsync(admin, new { sender = ScannerEnvironment.Partner, days = 7 }));

        Assert.Empty(report.Errors);
        Assert.Equal(2, report.MessagesExamined);
        var match = Assert.Single(report.Matches);
        Assert.Equal(partners.Id, match.InternetMessageId?.Trim('<', '>'));
        Assert.Equal("quarantine", match.Action);
        Assert.Single(env.Folder(Quarantine));
        Assert.DoesNotContain(env.Control.Requests, r => r.Path.Contains("/attachments", StringComparison.Ordinal));
        // The same mail hunted for a domain reads the remaining PDF's bytes (a link in a PDF can carry a domain), which
        // shows the request log would have shown the sender hunt's reads.
        var domain = await CompletedAsync(env, admin, await StartAsync(admin, new { domain = Domain, days = 7, act = false }));
        Assert.Contains(domain.Matches, m => m.InternetMessageId?.Trim('<', '>') == otherId && m.Action == "report");
        await Eventually.True(() => env.Control.Requests.Any(r => r.Path.Contains("/attachments", StringComparison.Ordinal)), "the domain hunt's attachment read");
    }

    [Fact]
    public async Task IocHunt_FindsARewrittenMessage_ByItsOriginalInQuarantine_AndReportsItAsAlreadyActed_WithoutActingAgain()
    {
        await using var env = await ScannerEnvironment.StartAsync("Enforce");
        const string evil = "https://secure-docs.evilhost.xyz/4JEcfT25549iCYf310zjlcedhsms3764";
        const string id = "rewritten-then-hunted@partner.example";
        var pdf = MinimalPdf.Build(new MinimalPage(["Invoice 2024-117, see the link below"], [MinimalPdf.UriLink(evil)]));
        env.Deliver(Mime.Message(ScannerEnvironment.Partner, ScannerEnvironment.Mailbox, "Invoice",
            "Hello Bob, the invoice is attached; minutes at https://docs.partner.example/minutes/8", DateTimeOffset.UtcNow,
            pdf: ("invoice.pdf", pdf), messageId: id));
        Assert.Equal(MessageAction.Rewrite, (await env.VerdictForAsync(id)).Action);
        var rewrite = await Eventually.Until(() => env.Audit.Query(env.TenantId).FirstOrDefault(e => e.State == AuditState.Completed), "the rewrite to complete");
        Assert.Equal(AuditAction.Rewrite, rewrite.Action);
        Assert.Single(env.InFolder("Inbox", id)); // the copy, without the evil URL
        Assert.Single(env.Folder(Quarantine));    // the original, with it
        using var admin = env.AdminClient();

        var report = await CompletedAsync(env, admin, await StartAsync(admin, new { domain = "evilhost.xyz", days = 7, act = true }));

        Assert.Empty(report.Errors);
        var match = Assert.Single(report.Matches);
        Assert.Equal(id, match.InternetMessageId?.Trim('<', '>'));
        Assert.Equal("already acted", match.Action);
        Assert.Equal(rewrite.Id, match.AuditId);
        Assert.Contains("rewrite", match.Reason, StringComparison.Ordinal);
        Assert.Equal(0, report.ActedOn);
        // Nothing moved again: the copy stays in the Inbox, the original in quarantine, and no new action is audited.
        Assert.Single(env.InFolder("Inbox", id));
        Assert.Single(env.Folder(Quarantine));
        Assert.DoesNotContain(env.Audit.Query(env.TenantId), e => e.Action == AuditAction.Quarantine);
    }

    [Fact]
    public async Task IocHunt_OnlyReports_InATenantWhosePolicyIsReportOnly_ThoughTheGlobalPolicyEnforces()
    {
        await using var env = await ScannerEnvironment.StartAsync("Enforce");
        using var admin = env.AdminClient();
        var carrier = Deliver(env, ScannerEnvironment.Mailbox, "tenant-report-only", "minutes at https://docs.partner.example/minutes/12");
        Assert.Equal(MessageAction.Allow, (await VerdictAsync(env, carrier.Mailbox, carrier.Id)).Action);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/admin/tenants/{env.TenantId}/policy", new { mode = "report-only" })).StatusCode);

        var report = await CompletedAsync(env, admin, await StartAsync(admin, new { domain = Domain, days = 7 }));

        var match = Assert.Single(report.Matches);
        Assert.Equal("report", match.Action);
        Assert.Equal(0, report.ActedOn);
        Assert.Single(env.InFolder("Inbox", carrier.Id));
        Assert.Empty(env.Folder(Quarantine));
    }

    [Fact]
    public async Task RetroHunt_QuarantinesMailDeliveredAfterAnIocHunt_ThatCarriesAHuntedIndicator()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        using var admin = env.AdminClient();
        var ioc = await CompletedAsync(env, admin, await StartAsync(admin, new { url = "https://docs.partner.example/minutes/10" }));
        Assert.Empty(ioc.Matches);
        // The live path does not know hunted indicators: the message is delivered and allowed.
        var carrier = Deliver(env, ScannerEnvironment.Mailbox, "late", "minutes at https://docs.partner.example/minutes/10");
        var other = Deliver(env, ScannerEnvironment.Mailbox, "late-other", "minutes at https://docs.partner.example/minutes/11");
        Assert.Equal(MessageAction.Allow, (await VerdictAsync(env, carrier.Mailbox, carrier.Id)).Action);
        Assert.Equal(MessageAction.Allow, (await VerdictAsync(env, other.Mailbox, other.Id)).Action);

        var retro = await CompletedAsync(env, admin, await StartAsync(admin, new { hours = 48, act = true }, "/api/admin/hunts/retro"));

        var match = Assert.Single(retro.Matches);
        Assert.Equal(carrier.Id, match.InternetMessageId?.Trim('<', '>'));
        Assert.Equal("quarantine", match.Action);
        Assert.StartsWith("known indicator: url:https://docs.partner.example/minutes/10", match.Reason, StringComparison.Ordinal);
        Assert.Empty(env.InFolder("Inbox", carrier.Id));
        Assert.Single(env.InFolder("Inbox", other.Id));
        Assert.Equal(2, retro.MessagesExamined); // the partner's history is older than 48 hours
    }

    [Fact]
    public async Task Hunts_RecordWhoAsked_OnTheReportAndEveryAuditEntry_AndAScheduledRetroHuntStaysTheScanners()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        using var admin = env.AdminClient();
        var early = Deliver(env, ScannerEnvironment.Mailbox, "asked-early", "minutes at https://docs.partner.example/minutes/20");
        Assert.Equal(MessageAction.Allow, (await VerdictAsync(env, early.Mailbox, early.Id)).Action);

        var iocId = await StartAsync(admin, new { url = "https://docs.partner.example/minutes/20", days = 7 });
        var ioc = await CompletedAsync(env, admin, iocId);

        // The API key's configured name (ScannerTenant: "test admin"), in the report's JSON and on the audit entry.
        Assert.Equal(("api", "test admin"), (ioc.Source, ioc.RequestedBy));
        Assert.Contains("\"requestedBy\":\"test admin\"", await admin.GetStringAsync($"/api/admin/hunts/{iocId}"), StringComparison.Ordinal);
        var byPerson = Assert.Single(env.Audit.Query(env.TenantId), e => e.Action == AuditAction.Quarantine);
        Assert.Equal(("test admin", iocId, AuditState.Completed), (byPerson.Actor, byPerson.HuntId, byPerson.State));
        Assert.Contains($"\"actor\":\"test admin\"", await admin.GetStringAsync($"/api/admin/audit?tenant={env.TenantId}"), StringComparison.Ordinal);

        // Delivered after the IOC hunt: the live path allows it, the scheduled retro-hunt pulls it, as the scanner.
        var late = Deliver(env, ScannerEnvironment.Mailbox, "asked-late", "minutes at https://docs.partner.example/minutes/20");
        Assert.Equal(MessageAction.Allow, (await VerdictAsync(env, late.Mailbox, late.Id)).Action);
        env.Host.Services.GetRequiredService<M365Scanner.Host.Hunts.HuntJobs>().ScheduleRetroHunt();
        var retroId = env.Host.Services.GetRequiredService<IHuntStore>().Recent(10).First(h => h.Kind == HuntKind.Retro).Id;
        var retro = await CompletedAsync(env, admin, retroId);

        Assert.Equal(("schedule", "scanner"), (retro.Source, retro.RequestedBy));
        Assert.Equal("quarantine", Assert.Single(retro.Matches).Action);
        var byScanner = env.Audit.Query(env.TenantId).Single(e => e.Action == AuditAction.Quarantine && e.Key.MessageId.Contains("asked-late", StringComparison.Ordinal));
        Assert.Equal(("scanner", retroId), (byScanner.Actor, byScanner.HuntId));
    }

    [Fact]
    public async Task IocHunt_RunAgainAfterItsHostStoppedMidMove_CompletesTheUnrecordedMove_AsTheRequestersAction()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        using var admin = env.AdminClient();
        var carrier = Deliver(env, ScannerEnvironment.Mailbox, "stopped-mid-move", "minutes at https://docs.partner.example/minutes/30");
        Assert.Equal(MessageAction.Allow, (await VerdictAsync(env, carrier.Mailbox, carrier.Id)).Action);
        // The host stops after moving the message into quarantine, before recording where it went.
        env.Faults.BeforeStep = step =>
        {
            if (step == "record-move")
                throw new OperationCanceledException("the host is stopping");
        };

        var huntId = await StartAsync(admin, new { url = "https://docs.partner.example/minutes/30", days = 7 });
        Assert.Equal(HuntState.Failed, (await CompletedAsync(env, admin, huntId)).State);
        var interrupted = Assert.Single(env.Audit.Query(env.TenantId, huntId: huntId));
        Assert.Equal((AuditAction.Quarantine, AuditState.Started, "test admin"), (interrupted.Action, interrupted.State, interrupted.Actor));
        Assert.Single(env.InFolder(Quarantine, carrier.Id));

        // The job's retry, as the restarted host runs it: the message is out of the inbox it reads.
        env.Faults.BeforeStep = null;
        await env.Host.Services.GetRequiredService<M365Scanner.Host.Hunts.HuntRunner>().RunAsync(huntId, CancellationToken.None);

        var completed = env.Audit.Get(interrupted.Id)!;
        Assert.Equal((AuditState.Completed, "test admin", huntId), (completed.State, completed.Actor, completed.HuntId));
        var quarantined = Assert.Single(env.InFolder(Quarantine, carrier.Id));
        Assert.Equal(quarantined.Id, completed.OriginalMessageId);
        Assert.Empty(env.InFolder("Inbox", carrier.Id));
        // Completed, so releasable: the original is back in the inbox.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/admin/release/{completed.Id}", null)).StatusCode);
        Assert.Single(env.InFolder("Inbox", carrier.Id));
    }

    [Fact]
    public async Task RetroHunt_LeavesAMessageWithoutAVerdict_ToItsScan()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        using var admin = env.AdminClient();
        await CompletedAsync(env, admin, await StartAsync(admin, new { url = "https://docs.partner.example/minutes/12" }));
        var carrier = Deliver(env, ScannerEnvironment.Mailbox, "unscanned", "minutes at https://docs.partner.example/minutes/12");
        await VerdictAsync(env, carrier.Mailbox, carrier.Id);
        // As if its scan had not run yet: no verdict for the message.
        env.Host.Services.GetRequiredService<IVerdictStore>().DeleteTenant(env.TenantId);

        var retro = await CompletedAsync(env, admin, await StartAsync(admin, new { hours = 48, act = true }, "/api/admin/hunts/retro"));

        Assert.Empty(retro.Matches);
        Assert.Equal(0, retro.ActedOn);
        Assert.Single(env.InFolder("Inbox", carrier.Id));
    }

    [Fact]
    public async Task StartHunt_Returns400_WhenIndicatorOrWindowIsWrong()
    {
        // One host for every case: each start of the environment costs seconds on a loaded 2-core machine.
        await using var env = await ScannerEnvironment.StartAsync();
        using var admin = env.AdminClient();
        string[] bodies =
        [
            "{}",
            """{"domain":"evil.example","url":"https://evil.example/"}""",
            """{"domain":"com"}""",
            """{"domain":"evil.example","days":0}""",
        ];

        foreach (var body in bodies)
        {
            var response = await admin.PostAsync("/api/admin/hunts", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{body}: {response.StatusCode}");
        }
        Assert.Empty(env.Host.Services.GetRequiredService<IHuntStore>().Recent(10));
    }

    [Fact]
    public async Task StartHunt_Returns401_WithoutKey()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = new Uri(env.BaseUrl) };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/admin/hunts", new { domain = Domain })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/hunts/x")).StatusCode);
    }

    private static (string Mailbox, string Id) Deliver(ScannerEnvironment env, string mailbox, string name, string text, string? pdfLink = "none")
    {
        var id = $"{name}@partner.example";
        (string, byte[])? pdf = pdfLink == "none" ? null
            : ("document.pdf", MinimalPdf.Build(new MinimalPage(["Please see below"], pdfLink is null ? [] : [MinimalPdf.UriLink(pdfLink)])));
        env.Control.Deliver(env.TenantId, mailbox,
            Mime.Message(ScannerEnvironment.Partner, mailbox, name, "Hello, " + text, DateTimeOffset.UtcNow, pdf: pdf, messageId: id),
            receivedAt: DateTimeOffset.UtcNow);
        return (mailbox, id);
    }

    private static async Task<VerdictRecord> VerdictAsync(ScannerEnvironment env, string mailbox, string messageId)
    {
        try
        {
            return await Eventually.Until(() => env.Verdicts.Get(new MessageKey(env.TenantId, mailbox, messageId)), $"a verdict for {messageId}");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; failed jobs: {env.FailedJobs()}", ex);
        }
    }

    private static async Task<string> StartAsync(HttpClient admin, object body, string path = "/api/admin/hunts")
    {
        var response = await admin.PostAsJsonAsync(path, body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<HuntReport> CompletedAsync(ScannerEnvironment env, HttpClient admin, string id)
    {
        try
        {
            return await Eventually.Until(async () =>
            {
                var report = await admin.GetFromJsonAsync<HuntReport>($"/api/admin/hunts/{id}", Json);
                return report?.State is HuntState.Completed or HuntState.Failed ? report : null;
            }, $"hunt {id} to finish");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; failed jobs: {env.FailedJobs()}", ex);
        }
    }
}
