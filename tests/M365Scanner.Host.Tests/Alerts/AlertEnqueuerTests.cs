using System.Text.Json;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.AnalystConsole;
using M365Scanner.Host.Alerts;
using M365Scanner.Storage.InMemory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Tests.Alerts;

/// <summary>Which verdicts become alerts, for which webhooks, and what the payload holds.</summary>
public sealed class AlertEnqueuerTests
{
    private static readonly MessageKey Key = new("tenant-a", "bob@contoso.example", "m1@partner.example");
    private const string Links = """
        [{"url":"https://evil.example/x","target":"https://evil.example/x","domain":"evil.example","origin":"attachment:invoice.pdf/page 1","text":"Pay","score":0.97,"action":"rewrite","reasons":["Link: never seen: first link to evil.example"]},
         {"url":"https://docs.partner.example/a","target":"https://docs.partner.example/a","domain":"partner.example","origin":"body","text":null,"score":0.01,"action":"allow","reasons":[]}]
        """;

    private readonly InMemoryAlertOutbox _outbox = new();

    private static VerdictRecord Verdict(MessageAction action, bool enforced = true, MessageKey? key = null) =>
        new(key ?? Key, "graph-1", DateTimeOffset.Parse("2026-12-07T02:00:00Z"), action, 0.97, "one link this sender never sent", enforced,
            Links, "", "Invoice", "partner@partner.example");

    private AlertEnqueuer Enqueuer(params AlertWebhookOptions[] webhooks) => new(
        _outbox, new AlertSignal(), Options.Create(new AlertOptions { Webhooks = [.. webhooks] }),
        Options.Create(new ScannerHostOptions { PublicBaseUrl = "https://scanner.contoso.example/" }),
        Options.Create(new ConsoleOptions { Authority = "https://login.example/t/v2.0", ClientId = "console" }),
        TimeProvider.System, NullLogger<AlertEnqueuer>.Instance);

    private static AlertWebhookOptions Hook(string name, MessageAction minimum = MessageAction.Rewrite, params string[] tenants) =>
        new() { Name = name, Url = "https://soc.example/" + name, Secret = "0123456789abcdef", MinimumAction = minimum, Tenants = [.. tenants] };

    [Fact]
    public void AnAllowedVerdict_EnqueuesNothing()
    {
        Enqueuer(Hook("soc")).BeforeRecord(Verdict(MessageAction.Allow));

        Assert.Empty(_outbox.Query(null, 10));
    }

    [Fact]
    public void AReportOnlyVerdictThatWouldAct_IsAnAlert_SayingItWasNotEnforced()
    {
        Enqueuer(Hook("soc")).BeforeRecord(Verdict(MessageAction.Quarantine, enforced: false));

        var alert = AlertPayload.Parse(Assert.Single(_outbox.Query(null, 10)).Payload);
        Assert.Equal(("quarantine", false), (alert.Action, alert.Enforced));
    }

    [Fact]
    public void MinimumActionAndTenants_PickTheWebhooks()
    {
        var enqueuer = Enqueuer(Hook("all"), Hook("quarantines", MessageAction.Quarantine), Hook("tenant-b-only", MessageAction.Rewrite, "tenant-b"));

        enqueuer.BeforeRecord(Verdict(MessageAction.Rewrite));
        enqueuer.BeforeRecord(Verdict(MessageAction.Quarantine, key: Key with { MessageId = "m2@partner.example" }));
        enqueuer.BeforeRecord(Verdict(MessageAction.Rewrite, key: new MessageKey("TENANT-B", "eve@b.example", "m3@partner.example")));

        var sent = _outbox.Query(null, 10).Select(a => (a.Webhook, a.Key.MessageId)).Order().ToList();
        Assert.Equal([("all", "m1@partner.example"), ("all", "m2@partner.example"), ("all", "m3@partner.example"),
            ("quarantines", "m2@partner.example"), ("tenant-b-only", "m3@partner.example")], sent);
    }

    [Fact]
    public void ThePayload_HoldsTheVerdictAndOnlyTheFlaggedLinks_WithAStableIdAndTheConsolePage()
    {
        var enqueuer = Enqueuer(Hook("soc"));

        enqueuer.BeforeRecord(Verdict(MessageAction.Rewrite));
        enqueuer.BeforeRecord(Verdict(MessageAction.Quarantine) with { Subject = "Changed on a rescan" });

        var stored = Assert.Single(_outbox.Query(null, 10));
        var alert = AlertPayload.Parse(stored.Payload);
        Assert.Equal(AlertIds.For("soc", Key), stored.Id);
        Assert.Equal(stored.Id, alert.AlertId);
        Assert.Equal(("tenant-a", "bob@contoso.example", "m1@partner.example", "partner@partner.example", "Invoice", "rewrite", 0.97),
            (alert.TenantId, alert.Mailbox, alert.InternetMessageId, alert.Sender, alert.Subject, alert.Action, alert.Score));
        var link = Assert.Single(alert.FlaggedLinks);
        Assert.Equal(("https://evil.example/x", "attachment:invoice.pdf/page 1"), (link.Target, link.Origin));
        Assert.Equal(["Link: never seen: first link to evil.example"], link.Reasons);
        Assert.Equal("https://scanner.contoso.example" + ConsolePaths.MessagePage(Key), alert.ConsoleUrl);
        Assert.DoesNotContain("\"text\"", stored.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public void AHostileVerdict_MakesABoundedPayload()
    {
        var links = Enumerable.Range(0, 200).Select(i => new
        {
            url = $"https://evil{i}.example/" + new string('a', 5000), target = $"https://evil{i}.example/" + new string('a', 5000),
            domain = $"evil{i}.example", origin = "body", text = (string?)null, score = 0.9, action = "rewrite",
            reasons = Enumerable.Repeat(new string('r', 5000), 50).ToArray(),
        });
        var verdict = Verdict(MessageAction.Quarantine) with { LinksJson = JsonSerializer.Serialize(links), Subject = new string('s', 100_000) };

        Enqueuer(Hook("soc")).BeforeRecord(verdict);

        var payload = Assert.Single(_outbox.Query(null, 10)).Payload;
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(payload), 1, AlertPayload.MaxBytes);
        var alert = AlertPayload.Parse(payload);
        Assert.Equal(200, alert.FlaggedLinks.Count + alert.FlaggedLinksOmitted);
        Assert.True(alert.Subject!.Length <= AlertPayload.MaxText + 1);
    }
}
