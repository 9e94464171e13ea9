using System.Net;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.GraphEmulator.Faults;
using M365Scanner.GraphEmulator.Subscriptions;
using M365Scanner.Host.Tests.TestSupport;

namespace M365Scanner.Host.Tests.EndToEnd;

/// <summary>The worker under the conditions a real tenant produces: report-only tenants, releases, duplicate and lost
/// notifications, throttling storms, and an action interrupted half-way.</summary>
public class ResilienceTests
{
    private const string Quarantine = "M365Scanner Quarantine";
    private const string EvilUrl = "https://secure-docs.evilhost.xyz/4JEcfT25549iCYf310zjlcedhsms3764";

    [Fact]
    public async Task ReportOnly_RecordsTheVerdict_AndChangesNothing()
    {
        await using var env = await ScannerEnvironment.StartAsync(policyMode: "ReportOnly");
        var mime = ScannerEnvironment.ExternalPhish("report-only@phish.example");
        var id = env.Deliver(mime);

        var verdict = await env.VerdictForAsync("report-only@phish.example");

        Assert.Equal(MessageAction.Quarantine, verdict.Action);
        Assert.False(verdict.Enforced);
        var inbox = Assert.Single(env.InFolder("Inbox", "report-only@phish.example"));
        Assert.Equal((id, mime), (inbox.Id, inbox.Mime));
        Assert.Empty(env.Folder(Quarantine));
        Assert.Empty(env.Audit.Query(env.TenantId));
    }

    [Fact]
    public async Task ReleaseOfARewrite_RestoresTheOriginal_AndRemovesTheCopy()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        var mime = ScannerEnvironment.LateralPdfMessage("release-rewrite@partner.example", EvilUrl);
        env.Deliver(mime);
        var entry = await Eventually.Until(() => env.Audit.Query(env.TenantId).FirstOrDefault(e => e.State == AuditState.Completed), "the rewrite");

        using var admin = env.AdminClient();
        var release = await admin.PostAsync($"/api/admin/release/{entry.Id}", null);

        Assert.Equal(HttpStatusCode.OK, release.StatusCode);
        Assert.Equal(mime, Assert.Single(env.InFolder("Inbox", "release-rewrite@partner.example")).Mime);
        Assert.Empty(env.Folder(Quarantine));
        var again = await admin.PostAsync($"/api/admin/release/{entry.Id}", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Release_NeedsAnAdminKey()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = new Uri(env.BaseUrl) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/admin/release/1", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire")).StatusCode);
        using var admin = env.AdminClient();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/hangfire")).StatusCode);
    }

    [Fact]
    public async Task DuplicateNotifications_LeadToOneScanAndOneAction()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        env.Control.InjectFault(new FaultRule { Kind = FaultKind.DuplicateNotification });
        env.Deliver(ScannerEnvironment.ExternalPhish("duplicate@phish.example"));

        await env.VerdictForAsync("duplicate@phish.example");
        var entry = await Eventually.Until(() => env.Audit.Query(env.TenantId).FirstOrDefault(e => e.State == AuditState.Completed), "the quarantine");
        await Eventually.True(() => env.Control.NotificationDeliveries.Where(d => d.Delivered).Sum(d => d.Notifications) >= 2, "both copies of the notification to arrive");

        Assert.Single(env.Audit.Query(env.TenantId));
        Assert.Single(env.Folder(Quarantine));
        Assert.Equal(AuditAction.Quarantine, entry.Action);
    }

    [Fact]
    public async Task DroppedNotification_IsFoundByCatchUp()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        env.Control.InjectFault(new FaultRule { Kind = FaultKind.DropNotification, Pattern = "/api/graph/notifications", Times = 1 });
        env.Deliver(ScannerEnvironment.ExternalPhish("dropped@phish.example"));
        // Graph tells subscribers when it had to drop notifications; the lifecycle event triggers the delta catch-up.
        env.Control.SendLifecycleNotification(env.Control.Subscriptions.Single().Id, LifecycleEvent.Missed);

        var verdict = await env.VerdictForAsync("dropped@phish.example");

        Assert.Equal(MessageAction.Quarantine, verdict.Action);
        Assert.Single(env.Folder(Quarantine));
    }

    [Fact]
    public async Task ThrottlingStormAndOutages_LoseNoMessage()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        env.Control.InjectFault(new FaultRule { Kind = FaultKind.TooManyRequests, Pattern = "/messages", Times = 12, RetryAfterSeconds = 1 });
        env.Control.InjectFault(new FaultRule { Kind = FaultKind.ServiceUnavailable, Times = 6, RetryAfterSeconds = 1 });
        var ids = Enumerable.Range(0, 5).Select(i => $"storm-{i}@partner.example").ToList();
        foreach (var id in ids)
            env.Deliver(Mime.Message(ScannerEnvironment.Partner, ScannerEnvironment.Mailbox, id,
                $"Minutes at https://docs.partner.example/minutes/{id}", DateTimeOffset.UtcNow, messageId: id));

        foreach (var id in ids)
            Assert.Equal(MessageAction.Allow, (await env.VerdictForAsync(id)).Action);
        Assert.Equal(ids.Count, ids.Sum(id => env.InFolder("Inbox", id).Count()));
    }

    [Fact]
    public async Task HostStoppedMidRewrite_AndRestarted_EndsConsistent_WithOneCopy()
    {
        // Durable job storage and stores, as the embedded default: what a restarted process finds.
        await using var env = await ScannerEnvironment.StartAsync(settings: new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite" });
        var copied = new TaskCompletionSource();
        env.Faults.BeforeStep = step =>
        {
            if (step != "move-original")
                return;
            copied.TrySetResult();
            throw new IOException("host going down between the copy and the move (test hook)");
        };
        var mime = ScannerEnvironment.LateralPdfMessage("restart@partner.example", EvilUrl);
        env.Deliver(mime);
        await copied.Task.WaitAsync(TimeSpan.FromSeconds(60));

        await env.RestartHostAsync(); // the new host has no hook; the failed job's retry is in the job storage

        var entry = await Eventually.Until(() => env.Audit.Query(env.TenantId).FirstOrDefault(e => e.State == AuditState.Completed),
            $"the rewrite to be resumed by the restarted host (jobs: {env.FailedJobs()})");
        Assert.Single(env.Audit.Query(env.TenantId));
        Assert.Equal(mime, Assert.Single(env.Folder(Quarantine)).Mime);
        Assert.Equal(entry.ResultMessageId, Assert.Single(env.InFolder("Inbox", "restart@partner.example")).Id);
    }

    [Fact]
    public async Task RewriteInterruptedAfterTheCopy_ResumesFromTheAuditLog_WithOneCopy()
    {
        await using var env = await ScannerEnvironment.StartAsync();
        var interrupted = 0;
        env.Faults.BeforeStep = step =>
        {
            if (step == "move-original" && Interlocked.Exchange(ref interrupted, 1) == 0)
                throw new IOException("host stopped here (test hook)");
        };
        var mime = ScannerEnvironment.LateralPdfMessage("interrupted@partner.example", EvilUrl);
        env.Deliver(mime);

        var entry = await Eventually.Until(() => env.Audit.Query(env.TenantId).FirstOrDefault(e => e.State == AuditState.Completed),
            $"the rewrite to be resumed and completed (jobs: {env.FailedJobs()})");

        Assert.Equal(1, interrupted);
        Assert.Single(env.Audit.Query(env.TenantId));
        Assert.Equal(mime, Assert.Single(env.Folder(Quarantine)).Mime);
        var copy = Assert.Single(env.InFolder("Inbox", "interrupted@partner.example"));
        Assert.Equal(entry.ResultMessageId, copy.Id);
    }

    // A move gives the message a new id. When the host stops after the move and before the verdict is recorded, the
    // retry finds the old id gone: found by the multi-host test (a killed host's message got no verdict, ever).
    [Theory]
    [InlineData("quarantine")]
    [InlineData("rewrite")]
    public async Task ActionInterruptedAfterTheMove_IsFinishedByTheRetry_WithOneVerdictAndOneMove(string action)
    {
        await using var env = await ScannerEnvironment.StartAsync();
        var interrupted = 0;
        env.Faults.BeforeStep = step =>
        {
            if (step == "record-move" && Interlocked.Exchange(ref interrupted, 1) == 0)
                throw new IOException("host stopped after the move (test hook)");
        };
        var id = $"after-move-{action}@partner.example";
        var mime = action == "rewrite" ? ScannerEnvironment.LateralPdfMessage(id, EvilUrl) : ScannerEnvironment.ExternalPhish(id);
        env.Deliver(mime);

        var verdict = await env.VerdictForAsync(id);

        Assert.Equal(1, interrupted);
        Assert.Equal((action, true), (StableName.Of(verdict.Action), verdict.Enforced));
        var entry = Assert.Single(env.Audit.Query(env.TenantId));
        Assert.Equal((action, AuditState.Completed), (StableName.Of(entry.Action), entry.State));
        var quarantined = Assert.Single(env.Folder(Quarantine));
        Assert.Equal((mime, entry.OriginalMessageId), (quarantined.Mime, quarantined.Id));
        var inbox = env.InFolder("Inbox", id).ToList();
        if (action == "rewrite")
            Assert.Equal(entry.ResultMessageId, Assert.Single(inbox).Id);
        else
            Assert.Empty(inbox);
    }
}
