using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.AnalystConsole;
using M365Scanner.Host.BlockedLinks;
using M365Scanner.Host.Tests.AnalystConsole;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace M365Scanner.Host.Tests.BlockedLinks;

/// <summary>The notice a quarantined message leaves in its recipient's Inbox when the tenant asks for it, through the
/// emulator over real HTTP: none by default, exactly one when on (whatever retries), in plain words, with none of the held
/// message's content, encoded against a hostile subject, and a link to the held message's page whose "Request release"
/// reaches the console, where approval brings the original back.</summary>
public sealed class HeldMessageNoticeTests
{
    private const string HeldUrl = "http://203.0.113.50/office365/signin/verify-account.php?id=8f3kQ2x9LmP4zT7wR1v";
    private const string Quarantine = "M365Scanner Quarantine";
    private const string HostileSubject = "Password expires <script>alert(1)</script> <a href=\"https://evil.example/x\">now</a> see http://203.0.113.50/office365";
    private const string HostileSender = "\"IT <b>Helpdesk</b>\" <security@micros0ft-support.xyz>";

    private static string PolicyPath(ScannerEnvironment env) => $"/api/admin/tenants/{env.TenantId}/policy";

    private static byte[] Phish(string messageId) => Mime.Message(HostileSender, ScannerEnvironment.Mailbox, HostileSubject,
        $"Keep your password: {HeldUrl}", DateTimeOffset.UtcNow, messageId: messageId,
        authenticationResults: "spf=fail (sender IP is 198.51.100.9) smtp.mailfrom=micros0ft-support.xyz; dkim=none (message not signed) header.d=none;dmarc=fail action=none header.from=micros0ft-support.xyz;compauth=fail reason=000");

    private static IReadOnlyList<M365Scanner.GraphEmulator.Control.SeededMessage> Notices(ScannerEnvironment env) =>
        [.. env.Folder("Inbox").Where(m => m.Subject == HeldMessageNoticeText.Subject)];

    [Fact]
    public async Task ByDefault_AQuarantinedMessage_LeavesNoNotice()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        env.Deliver(Phish("held-off@phish.example"));

        var verdict = await env.VerdictForAsync("held-off@phish.example");

        Assert.Equal((MessageAction.Quarantine, true), (verdict.Action, verdict.Enforced));
        Assert.Empty(env.InFolder("Inbox", "held-off@phish.example"));
        Assert.Single(env.InFolder(Quarantine, "held-off@phish.example"));
        Assert.Empty(Notices(env));
        Assert.Null(env.Audit.Latest(verdict.Key, AuditAction.Notice));
    }

    [Fact]
    public async Task AReportOnlyTenant_GetsNoNotice_EvenWithTheSettingOn()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        using var admin = env.AdminClient();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(PolicyPath(env), new { mode = "report-only", heldMessageNotice = true })).StatusCode);
        env.Deliver(Phish("held-report-only@phish.example"));

        var verdict = await env.VerdictForAsync("held-report-only@phish.example");

        Assert.Equal((MessageAction.Quarantine, false), (verdict.Action, verdict.Enforced));
        Assert.Single(env.InFolder("Inbox", "held-report-only@phish.example"));
        Assert.Empty(Notices(env));
        Assert.Empty(env.Audit.Query(env.TenantId));
    }

    [Fact]
    public async Task WithTheSettingOn_OneNoticeInPlainWords_ItsPageFilesARequest_AndApprovalRestoresTheOriginalAndRemovesTheNotice()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        using var admin = env.AdminClient();
        var put = await admin.PutAsJsonAsync(PolicyPath(env), new { heldMessageNotice = true });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Contains("\"heldMessageNotice\":true", await put.Content.ReadAsStringAsync());
        var mime = Phish("held-on@phish.example");
        var graphId = env.Deliver(mime);

        var verdict = await env.VerdictForAsync("held-on@phish.example");

        Assert.Equal((MessageAction.Quarantine, true), (verdict.Action, verdict.Enforced));
        Assert.Empty(env.InFolder("Inbox", "held-on@phish.example"));
        var notice = Assert.Single(Notices(env));
        Assert.False(notice.IsDraft);
        Assert.False(notice.IsRead);
        var html = MimeMessage.Load(new MemoryStream(notice.Mime)).HtmlBody ?? "";
        Assert.Contains("contoso.example protects your mailbox with M365Scanner.", html);
        Assert.Contains("A message from <strong>IT &lt;b&gt;Helpdesk&lt;/b&gt;</strong> (security@micros0ft-support.xyz)", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>Helpdesk", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example/x\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(HeldUrl, html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://203.0.113.50", html, StringComparison.Ordinal);
        Assert.Contains("was held because it did not fit the usual pattern of your mail", html);
        var links = Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var page = Assert.Single(links);
        Assert.StartsWith(env.BaseUrl + "/blocked/", page);
        var entry = env.Audit.Latest(verdict.Key, AuditAction.Notice);
        Assert.Equal((AuditState.Completed, notice.Id), (entry?.State, entry?.ResultMessageId));

        // The scan job run again (as crash recovery would): still one notice.
        var job = await Eventually.Until(() => ScanJobs.Succeeded(env, graphId), "the scan job to succeed");
        ScanJobs.RunAgain(env, job);
        await Eventually.True(() => ScanJobs.State(env, job) == "Succeeded", "the scan job run again to succeed");
        Assert.Single(Notices(env));
        Assert.Single(env.Audit.ForMessage(verdict.Key), e => e.Action == AuditAction.Notice);

        using var user = new ConsoleBrowser(env);
        var held = await user.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, held.Status);
        Assert.Contains("This message was held for your safety", held.Html);
        Assert.Contains("<button type=\"submit\">Request release</button>", held.Html);
        Assert.DoesNotContain("<script>", held.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(HeldUrl, held.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://203.0.113.50", held.Html, StringComparison.Ordinal);
        Assert.Contains("hxxp[:]//203.0.113.50/office365", held.Html);
        Assert.DoesNotContain("<a ", held.Html, StringComparison.OrdinalIgnoreCase);
        var path = new Uri(page).AbsolutePath;
        var sent = await user.PostAsync(path, held, new Dictionary<string, string> { ["note"] = "I was expecting it" });
        Assert.Contains("Your request was sent to your IT or security team.", sent.Html);
        var request = Assert.Single(env.Host.Services.GetRequiredService<IReleaseRequestStore>().Open(10));
        Assert.Equal(verdict.Key, request.Key);

        using var analyst = new ConsoleBrowser(env);
        var list = await analyst.SignInAsync(ScannerTenant.ConsoleUser("Analyst"), ConsolePaths.Requests);
        var done = await analyst.PostAsync(ConsolePaths.DecideRequest + "?handler=Approve", list, new Dictionary<string, string> { ["id"] = request.Id });

        Assert.Contains("Released: the original is back in the user&#x27;s Inbox", done.Html);
        Assert.Equal(mime, Assert.Single(env.InFolder("Inbox", "held-on@phish.example")).Mime);
        Assert.Empty(Notices(env));
        Assert.Equal(AuditState.Released, env.Audit.Latest(verdict.Key, AuditAction.Notice)?.State);
        Assert.Contains("<h2>Released</h2>", (await user.GetAsync(path)).Html);
    }

    [Fact]
    public async Task AScanStoppedAfterCreatingTheNotice_BeforeRecordingIt_IsRetried_AndLeavesOneNotice()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        using var admin = env.AdminClient();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(PolicyPath(env), new { heldMessageNotice = true })).StatusCode);
        var stopped = 0;
        // What a host stopping there does to the job: cancellation, which the notice does not take for its own failure.
        env.Faults.BeforeStep = step =>
        {
            if (step == "record-notice" && Interlocked.Exchange(ref stopped, 1) == 0)
                throw new OperationCanceledException("host stopped before recording the notice");
        };
        env.Deliver(Phish("held-retried@phish.example"));

        var verdict = await env.VerdictForAsync("held-retried@phish.example");

        Assert.Equal(1, stopped);
        Assert.Equal(MessageAction.Quarantine, verdict.Action);
        Assert.Contains("carried out by an earlier attempt", verdict.Notes);
        var notice = Assert.Single(Notices(env));
        var entry = Assert.Single(env.Audit.ForMessage(verdict.Key), e => e.Action == AuditAction.Notice);
        Assert.Equal((AuditState.Completed, notice.Id), (entry.State, entry.ResultMessageId));
    }
}
