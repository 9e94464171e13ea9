using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using M365Scanner.Core.Links;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.Alerts;
using M365Scanner.Host.AnalystConsole;
using M365Scanner.Host.Scanning;
using M365Scanner.Host.Tests.AnalystConsole;
using M365Scanner.Host.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace M365Scanner.Host.Tests.Alerts;

/// <summary>Alerts end to end over real HTTP on 127.0.0.1: the emulator delivers a message, the worker scans it, and a
/// local receiver gets what a SOC's endpoint would, checked the way the docs tell a receiver to check it.</summary>
public sealed class AlertDeliveryTests
{
    private const string Secret = "test-alert-secret-0123456789";
    private const string FlaggedId = "alert-flagged@partner.example";

    [Fact]
    public async Task AFlaggedMessage_SendsOneSignedAlertPerWebhook_NamingTheFlaggedUrl_AndAnAllowedMessageNone()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        await using var env = await ScannerEnvironment.StartAsync(settings: Settings(receiver, teams: true));

        env.Deliver(Benign("alert-benign@partner.example"));
        var allowed = await env.VerdictForAsync("alert-benign@partner.example");
        env.Deliver(ScannerEnvironment.LateralPdfMessage(FlaggedId, DeliveredMessages.EvilUrl));
        var flagged = await env.VerdictForAsync(FlaggedId);
        await Eventually.True(() => Outbox(env).Query(null, 10) is { Count: 2 } all && all.All(a => a.State == AlertState.Delivered),
            "both webhooks' alerts to be delivered");

        Assert.Equal(MessageAction.Allow, allowed.Action);
        Assert.Equal(MessageAction.Rewrite, flagged.Action);
        Assert.All(Outbox(env).Query(null, 10), a => Assert.Equal(flagged.Key, a.Key));
        var json = Assert.Single(receiver.At("/soc"));
        Assert.True(VerifyAsAReceiverWould(Secret, json.Header(AlertSignature.Header), json.Body), json.Header(AlertSignature.Header));
        Assert.False(VerifyAsAReceiverWould("another-secret-0123456789", json.Header(AlertSignature.Header), json.Body));
        Assert.False(VerifyAsAReceiverWould(Secret, json.Header(AlertSignature.Header), [.. json.Body, (byte)' ']));
        var alert = JsonDocument.Parse(json.Body).RootElement;
        Assert.Equal(json.Header(AlertSender.AlertIdHeader), alert.GetProperty("alertId").GetString());
        Assert.Equal(("message.flagged", env.TenantId, ScannerEnvironment.Mailbox, FlaggedId, ScannerEnvironment.Partner, "Invoice", "rewrite", true),
            (alert.GetProperty("type").GetString(), alert.GetProperty("tenantId").GetString(), alert.GetProperty("mailbox").GetString(),
             alert.GetProperty("internetMessageId").GetString(), alert.GetProperty("sender").GetString(), alert.GetProperty("subject").GetString(),
             alert.GetProperty("action").GetString(), alert.GetProperty("enforced").GetBoolean()));
        var link = Assert.Single(alert.GetProperty("flaggedLinks").EnumerateArray());
        Assert.Equal(DeliveredMessages.EvilUrl, link.GetProperty("target").GetString());
        Assert.StartsWith("attachment:invoice.pdf", link.GetProperty("origin").GetString());
        Assert.NotEmpty(link.GetProperty("reasons").EnumerateArray());
        Assert.Equal(env.BaseUrl + ConsolePaths.MessagePage(flagged.Key), alert.GetProperty("consoleUrl").GetString());
        Assert.DoesNotContain("the invoice is attached", json.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("docs.partner.example/terms", json.Text, StringComparison.Ordinal);

        var teams = Assert.Single(receiver.At("/teams"));
        Assert.Null(teams.Header(AlertSignature.Header));
        Assert.StartsWith("alert-", teams.Header(AlertSender.AlertIdHeader));
        var card = JsonDocument.Parse(teams.Body).RootElement;
        Assert.Equal("message", card.GetProperty("type").GetString());
        var attachment = Assert.Single(card.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        Assert.Equal("AdaptiveCard", attachment.GetProperty("content").GetProperty("type").GetString());
        // The flagged URL is named, defanged: the SOC's channel never shows the phish as a live link.
        var texts = attachment.GetProperty("content").GetProperty("body").EnumerateArray()
            .Select(b => b.TryGetProperty("text", out var t) ? t.GetString() : null).OfType<string>().ToList();
        Assert.Contains(texts, t => t.Contains(TeamsCard.Escape(Defanged.Url(DeliveredMessages.EvilUrl)), StringComparison.Ordinal));
        Assert.DoesNotContain(DeliveredMessages.EvilUrl, teams.Text, StringComparison.Ordinal);

        // A retried job or a rescan hands the same verdict over again: nothing is added, nothing sent again.
        env.Host.Services.GetRequiredService<IVerdictHandoff>().BeforeRecord(flagged);
        Assert.Equal(2, Outbox(env).Query(AlertState.Delivered, 10).Count);
        Assert.Empty(Outbox(env).Query(AlertState.Pending, 10));

        using var admin = env.AdminClient();
        var listed = await admin.GetStringAsync($"{AlertsApi.Route}?state=delivered");
        var rows = JsonDocument.Parse(listed).RootElement.EnumerateArray().ToList();
        Assert.Equal(["soc", "teams"], rows.Select(r => r.GetProperty("webhook").GetString()).Order());
        Assert.All(rows, r => Assert.Equal(("delivered", 1), (r.GetProperty("state").GetString(), r.GetProperty("attempts").GetInt32())));
        Assert.DoesNotContain(Secret, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(receiver.BaseUrl, listed, StringComparison.Ordinal);
        Assert.Equal("[]", await admin.GetStringAsync($"{AlertsApi.Route}?state=failed"));
        var bad = await admin.GetAsync($"{AlertsApi.Route}?state=sent");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("pending, delivered or failed", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReceiverAnswering500_GetsTheSameAlertAgain_AfterABackoff()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        receiver.Answer = (_, n) => n == 1 ? 500 : 200;
        await using var env = await ScannerEnvironment.StartAsync(settings: Settings(receiver));

        env.Deliver(ScannerEnvironment.LateralPdfMessage(FlaggedId, DeliveredMessages.EvilUrl));
        var alert = await Eventually.Until(() => Outbox(env).Query(AlertState.Delivered, 10).SingleOrDefault(), "the alert to be delivered");

        var attempts = receiver.At("/soc");
        Assert.Equal([500, 200], attempts.Select(a => a.Status));
        Assert.Equal(attempts[0].Body, attempts[1].Body);
        Assert.Equal(alert.Id, attempts[1].Header(AlertSender.AlertIdHeader));
        Assert.All(attempts, a => Assert.True(VerifyAsAReceiverWould(Secret, a.Header(AlertSignature.Header), a.Body)));
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(150), $"retried after {(attempts[1].At - attempts[0].At).TotalMilliseconds} ms");
        Assert.Equal(2, alert.Attempts);
        Assert.StartsWith("HTTP 500", alert.LastError);
    }

    [Fact]
    public async Task AHostRestartedAfterDelivery_SendsNothingAgain_AndStillSendsNewAlerts()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        await using var env = await ScannerEnvironment.StartAsync(settings: Settings(receiver, sqlite: true));
        env.Deliver(ScannerEnvironment.LateralPdfMessage(FlaggedId, DeliveredMessages.EvilUrl));
        var first = await Eventually.Until(() => Outbox(env).Query(AlertState.Delivered, 10).SingleOrDefault(), "the first alert to be delivered");

        await env.RestartHostAsync();
        // The restarted host's dispatcher reads the outbox at start; a new alert delivered after that shows it ran.
        env.Deliver(ScannerEnvironment.LateralPdfMessage("alert-second@partner.example", "https://invoices.evilhost.xyz/pay/7Yq2"));
        await Eventually.True(() => Outbox(env).Query(AlertState.Delivered, 10).Count == 2, "the second alert to be delivered");

        var ids = receiver.At("/soc").Select(r => r.Header(AlertSender.AlertIdHeader)).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Single(ids, id => id == first.Id);
    }

    [Fact]
    public async Task AHostStoppedBeforeDelivery_DeliversTheAlertAfterRestart_ExactlyOnce()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        receiver.Answer = (_, _) => 503;
        await using var env = await ScannerEnvironment.StartAsync(settings: Settings(receiver, sqlite: true));
        env.Deliver(ScannerEnvironment.LateralPdfMessage(FlaggedId, DeliveredMessages.EvilUrl));
        await Eventually.True(() => Outbox(env).Query(AlertState.Pending, 10) is [{ Attempts: >= 1 }], "a failed first attempt");

        await env.RestartHostAsync(whileStopped: () => receiver.Answer = (_, _) => 200);
        var alert = await Eventually.Until(() => Outbox(env).Query(AlertState.Delivered, 10).SingleOrDefault(), "the alert to be delivered after the restart");

        var received = receiver.At("/soc");
        Assert.Single(received, r => r.Status == 200);
        Assert.All(received, r => Assert.Equal(alert.Id, r.Header(AlertSender.AlertIdHeader)));
        Assert.Equal(503, received[0].Status);
    }

    [Fact]
    public async Task AReportOnlyVerdictThatWouldAct_IsAlerted_AsNotEnforced()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        await using var env = await ScannerEnvironment.StartAsync(policyMode: "ReportOnly", settings: Settings(receiver));

        env.Deliver(ScannerEnvironment.LateralPdfMessage(FlaggedId, DeliveredMessages.EvilUrl));
        await Eventually.True(() => Outbox(env).Query(AlertState.Delivered, 10).Count == 1, "the alert to be delivered");

        var alert = JsonDocument.Parse(Assert.Single(receiver.At("/soc")).Body).RootElement;
        Assert.Equal(("rewrite", false), (alert.GetProperty("action").GetString(), alert.GetProperty("enforced").GetBoolean()));
        Assert.Single(env.InFolder("Inbox", FlaggedId));
    }

    [Fact]
    public async Task APoisonMessagesFailSafeQuarantine_IsAlerted()
    {
        await using var receiver = await AlertReceiver.StartAsync();
        await using var env = await ScannerEnvironment.StartAsync(settings: Settings(receiver));
        env.ScanFaults.BeforeScan = (key, _) =>
        {
            if (key.MessageId == "alert-poison@partner.example")
                throw new InvalidOperationException("the document trips the parser (test hook)");
        };

        env.Deliver(Benign("alert-poison@partner.example"));
        var stored = await Eventually.Until(() => Outbox(env).Query(AlertState.Delivered, 10).SingleOrDefault(), "the poison message's alert");

        var alert = JsonDocument.Parse(Assert.Single(receiver.At("/soc")).Body).RootElement;
        Assert.Equal(("alert-poison@partner.example", "quarantine", true),
            (stored.Key.MessageId, alert.GetProperty("action").GetString(), alert.GetProperty("enforced").GetBoolean()));
        Assert.StartsWith("not scanned: the scan of this message was given up on (poison)", alert.GetProperty("explanation").GetString());
        Assert.Empty(alert.GetProperty("flaggedLinks").EnumerateArray());
    }

    private static IAlertOutbox Outbox(ScannerEnvironment env) => env.Host.Services.GetRequiredService<IAlertOutbox>();

    private static Dictionary<string, string?> Settings(AlertReceiver receiver, bool teams = false, bool sqlite = false)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Alerts:Webhooks:0:Name"] = "soc",
            ["Alerts:Webhooks:0:Url"] = receiver.BaseUrl + "/soc",
            ["Alerts:Webhooks:0:Format"] = "Json",
            ["Alerts:Webhooks:0:Secret"] = Secret,
            ["Alerts:FirstRetryDelay"] = "00:00:00.200",
            ["Alerts:MaxRetryDelay"] = "00:00:01",
            ["Alerts:PollInterval"] = "00:00:00.100",
        };
        if (teams)
        {
            settings["Alerts:Webhooks:1:Name"] = "teams";
            settings["Alerts:Webhooks:1:Url"] = receiver.BaseUrl + "/teams";
            settings["Alerts:Webhooks:1:Format"] = "Teams";
        }
        if (sqlite)
            settings["Storage:Provider"] = "Sqlite";
        return settings;
    }

    private static byte[] Benign(string messageId) => Mime.Message(ScannerEnvironment.Partner, ScannerEnvironment.Mailbox, "Minutes 9",
        "Hello Bob, the minutes are at https://docs.partner.example/minutes/9 as usual.", DateTimeOffset.UtcNow, messageId: messageId);

    /// <summary>The receiver's check as docs/ALERTS.md gives it, written here without the product's code: HMAC-SHA256 of
    /// "t.body" with the secret, compared in constant time, and a timestamp no older than five minutes.</summary>
    private static bool VerifyAsAReceiverWould(string secret, string? header, byte[] body)
    {
        var parts = (header ?? "").Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1) ||
            Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(t)) > 300)
            return false;
        byte[] signed = [.. Encoding.ASCII.GetBytes(t + "."), .. body];
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return CryptographicOperations.FixedTimeEquals(mac, Convert.FromHexString(v1));
    }
}
