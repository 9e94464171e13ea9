using System.Text.Json.Nodes;
using M365Scanner.Host.Alerts;

namespace M365Scanner.Host.Tests.Alerts;

public sealed class TeamsCardTests
{
    private static AlertPayload Alert(string action = "quarantine", bool enforced = true, int links = 1) => new(
        "alert-1", AlertPayload.FlaggedMessage, "tenant-a", "bob@contoso.example", "m1@partner.example", "partner@partner.example",
        "[Click](https://evil.example) **now**", action, enforced, 0.97, "one link this sender never sent",
        [.. Enumerable.Range(0, links).Select(i => new AlertLink($"https://evil{i}.example/x", $"https://evil{i}.example/x", "evil.example",
            "attachment:invoice.pdf/page 1", 0.97, ["Link: never seen"]))], 0, "https://scanner.example/console/message?id=1",
        DateTimeOffset.Parse("2026-12-07T02:00:00Z"));

    [Fact]
    public void TheCard_IsATeamsMessage_WithOneAdaptiveCardAttachment()
    {
        var message = TeamsCard.From(Alert());

        Assert.Equal("message", (string?)message["type"]);
        var attachment = Assert.Single(message["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.Null(attachment["contentUrl"]);
        var card = attachment["content"]!;
        Assert.Equal(("AdaptiveCard", "1.4", "http://adaptivecards.io/schemas/adaptive-card.json"),
            ((string?)card["type"], (string?)card["version"], (string?)card["$schema"]));
        Assert.Equal("M365Scanner: message quarantined", (string?)card["body"]![0]!["text"]);
        var facts = card["body"]![1]!["facts"]!.AsArray().ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!);
        Assert.Equal("bob@contoso.example", facts["Mailbox"]);
        var action = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal(("Action.OpenUrl", "https://scanner.example/console/message?id=1"), ((string?)action["type"], (string?)action["url"]));
        // The flagged address is shown defanged, never as something Teams (or a reader's client) would make a link of.
        var flagged = card["body"]!.AsArray().Select(b => (string?)b!["text"]).First(t => t?.StartsWith("Flagged link", StringComparison.Ordinal) == true)!;
        Assert.Contains(@"hxxps\[:\]//evil0\[.\]example/x", flagged, StringComparison.Ordinal);
        Assert.DoesNotContain("https://evil0", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TextFromTheMessage_IsEscaped_SoTeamsShowsItAsWritten()
    {
        var facts = TeamsCard.From(Alert())["attachments"]![0]!["content"]!["body"]![1]!["facts"]!.AsArray();

        var subject = (string)facts.Single(f => (string)f!["title"]! == "Subject")!["value"]!;
        Assert.Equal(@"\[Click\]\(hxxps\[:\]//evil.example\) \*\*now\*\*", subject);
    }

    [Fact]
    public void AReportOnlyAlert_SaysWhatWouldHaveHappened_AndManyLinksAreSummarised()
    {
        var card = TeamsCard.From(Alert("rewrite", enforced: false, links: 8))["attachments"]![0]!["content"]!;

        Assert.Equal("M365Scanner: message would be rewritten (report-only)", (string?)card["body"]![0]!["text"]);
        Assert.Contains("3 more flagged link(s).", card.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("evil5.example", card.ToJsonString(), StringComparison.Ordinal);
    }
}
