using System.Text.Json;

namespace M365Scanner.Cli.Tests.Commands;

/// <summary>`scan --history`: the graph is built from the history, inputs are scored in Date order with "now" taken
/// from each Date header, allowed messages are learned before the next is scored, flagged links never are.</summary>
public class ScanHistoryTests
{
    private static string Mail(string from, string date, string body, string id) => $"""
        Message-ID: <{id}@test>
        Date: {date}
        From: {from}
        To: bob@tenant.example
        Subject: {id}

        {body}
        """;

    private static IEnumerable<string> Reasons(JsonElement line) =>
        line.GetProperty("links").EnumerateArray().SelectMany(l => l.GetProperty("reasons").EnumerateArray()).Select(r => r.GetString()!);

    [Fact]
    public async Task Scan_LearnsEachAllowedMessage_BeforeScoringTheNextInDateOrder()
    {
        using var dir = new TempDir();
        var later = dir.Write("in/1-later.eml", Mail("new@other.example", "Tue, 06 Feb 2024 10:00:00 +0000", "see https://other.example/a", "later"));
        var earlier = dir.Write("in/2-earlier.eml", Mail("new@other.example", "Thu, 01 Feb 2024 10:00:00 +0000", "see https://other.example/a", "earlier"));

        var run = await CliRun.Of("scan", "--mailbox", "bob@tenant.example", later, earlier);

        Assert.Equal(["later@test", "earlier@test"], run.Lines.Select(l => l.GetProperty("internetMessageId").GetString()));
        Assert.Contains(Reasons(run.Lines[1]), r => r.StartsWith("Sender: never seen"));      // scored first
        Assert.DoesNotContain(Reasons(run.Lines[0]), r => r.StartsWith("Sender: never seen")); // learned by then
    }

    [Fact]
    public async Task Scan_BuildsGraphFromHistory_SoAnEstablishedPartnersNewDomainStandsOut()
    {
        using var dir = new TempDir();
        for (var day = 1; day <= 20; day += 3)
            dir.Write($"history/{day}.eml", Mail("anna@partner.example", $"{day:00} Jan 2024 09:00:00 +0000",
                "Minutes: https://docs.partner.example/minutes", $"h{day}"));
        var input = dir.Write("in/new.eml", Mail("anna@partner.example", "Mon, 05 Feb 2024 09:00:00 +0000",
            "Minutes: https://docs.partner.example/minutes and https://docs.unheard-of.example/view", "new"));

        var run = await CliRun.Of("scan", "--mailbox", "bob@tenant.example", "--history", Path.Combine(dir.Path, "history"), input);

        var links = run.Lines.Single().GetProperty("links").EnumerateArray().ToDictionary(l => l.GetProperty("domain").GetString()!);
        var known = links["partner.example"];
        var novel = links["unheard-of.example"];
        Assert.Contains(Reasons(run.Lines[0]), r => r.StartsWith("Sender: established correspondent"));
        Assert.Contains(novel.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("Link: domain never sent by this sender"));
        Assert.DoesNotContain(known.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("Link: domain never sent by this sender"));
        Assert.True(novel.GetProperty("score").GetDouble() > known.GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task Scan_NeverLearnsAFlaggedLink_SoItStaysNovelWhenRepeated()
    {
        using var dir = new TempDir();
        const string phish = "http://198.51.100.7/paypal.com/signin/verify-account.exe";
        var first = dir.Write("in/1.eml", Mail("stranger@evil.example", "01 Feb 2024 09:00:00 +0000", $"Verify: {phish}", "first"));
        var second = dir.Write("in/2.eml", Mail("stranger@evil.example", "02 Feb 2024 09:00:00 +0000", $"Verify: {phish}", "second"));

        var run = await CliRun.Of("scan", "--mailbox", "bob@tenant.example", first, second);

        Assert.All(run.Lines, line => Assert.NotEqual("allow", line.GetProperty("action").GetString()));
        // The first message was acted on, so its link was not learned: the second time it is still new to the tenant.
        Assert.Contains(Reasons(run.Lines[1]), r => r.StartsWith("Link: domain never seen in the tenant"));
    }

    /// <summary>A campaign of five messages from a never-seen domain, each allowed on its own: by default the earlier
    /// ones make the sender known to the later ones; with --no-learn every one is scored against the history alone.</summary>
    [Fact]
    public async Task Scan_WithNoLearn_DoesNotLetACampaignEstablishItselfByItsOwnEarlierMessages()
    {
        using var dir = new TempDir();
        var campaign = Enumerable.Range(1, 5).Select(day => dir.Write($"in/{day}.eml",
            Mail("news@never-seen.example", $"{day:00} Feb 2024 09:00:00 +0000", "Read: https://never-seen.example/issue", $"c{day}"))).ToArray();

        var learning = await CliRun.Of(["scan", "--mailbox", "bob@tenant.example", .. campaign]);
        var notLearning = await CliRun.Of(["scan", "--mailbox", "bob@tenant.example", "--no-learn", .. campaign]);

        Assert.Equal(ExitCodes.Success, learning.ExitCode);
        Assert.DoesNotContain(Reasons(learning.Lines[^1]), r => r.StartsWith("Sender: never seen"));
        Assert.Equal(ExitCodes.Success, notLearning.ExitCode);
        Assert.Equal(5, notLearning.Lines.Count);
        Assert.All(notLearning.Lines, line =>
        {
            Assert.Contains(Reasons(line), r => r.StartsWith("Sender: never seen"));
            Assert.DoesNotContain(Reasons(line), r => r.StartsWith("Sender: established"));
        });
    }
}
