using System.Text.RegularExpressions;
using M365Scanner.Demo.Scenario;
using M365Scanner.GraphEmulator.Control;

namespace M365Scanner.Demo.Tests;

/// <summary>The demo in-process, as `m365scanner-demo demo --once` runs it: emulator, host, baselines, four messages.</summary>
[Collection(DemoCollection.Name)]
public class DemoCommandTests
{
    [Fact(Timeout = 90_000)]
    public async Task DemoOnce_PrintsEachVerdict_BenignAllowed_PartnerPdfRewritten_PhishingQuarantined()
    {
        using var state = new TempDir();

        var run = await DemoRun.Of("demo", "--once", "--mailboxes", "1", "--port", "0", "--state", state.Path);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Stderr}\n{run.Stdout}");
        var verdicts = Regex.Matches(run.Stdout, @"Delivering \((?<kind>[^)]+)\).*?Action:\s+(?<action>\w+)", RegexOptions.Singleline)
            .Select(m => $"{m.Groups["kind"].Value} -> {m.Groups["action"].Value}");
        Assert.Equal(["benign -> allow", "benign -> allow", "compromised partner -> rewrite", "external phishing -> quarantine"], verdicts);
        Assert.Contains("Hangfire dashboard: http://127.0.0.1:", run.Stdout);
        // The console's address and a sign-in that works: a test user the emulator really has, with its password.
        var console = Regex.Match(run.Stdout, @"Console: http://127\.0\.0\.1:\d+/console  \(sign in as (?<upn>\S+) / (?<password>\S+);");
        Assert.True(console.Success, run.Stdout);
        Assert.Contains(DemoSeed.ConsoleUsers, u => u.UserPrincipalName == console.Groups["upn"].Value &&
                                                     u.Password == console.Groups["password"].Value && u.Role == "Analyst");
        Assert.Contains($"Flagged: {DemoScenario.MaliciousUrl}", run.Stdout);
        Assert.Contains("original moved to quarantine; copy in Inbox with 1 link(s) rewritten", run.Stdout);
        // The headline proof for the rewritten message, read from the delivered MIME and the copy in the Inbox: the
        // partner's usual links left alone (in the body and in the PDF), the blocked URL and its page, the body and
        // every other part byte-identical, and the PDF's original bytes kept whole (the rewrite only appends to them).
        Assert.Matches(@"Left alone: \S+ \(in body", run.Stdout);
        Assert.Matches(@"Left alone: \S+ \(in attachment:invoice-2024-117\.pdf", run.Stdout);
        Assert.Contains($"Blocked:    {DemoScenario.MaliciousUrl}", run.Stdout);
        Assert.Matches(@"now points to http://127\.0\.0\.1:\d+/blocked/\S+", run.Stdout);
        Assert.Contains("Unchanged:  1 of 2 MIME part(s) byte-identical", run.Stdout);
        // The rewrite is an incremental update: the original PDF is a byte-for-byte prefix of the copy's.
        Assert.Matches(@"PDF invoice-2024-117\.pdf: the link was inside it; all (?<n>\d+) original bytes kept as the first of \d+, \d+ bytes appended \(an incremental update\) \(the new bytes hold the blocked-link page\)", run.Stdout);
        Assert.Contains("moved to quarantine; nothing in Inbox", run.Stdout);
        // The two benign messages, each in its own block and in the summary.
        Assert.Equal(4, Regex.Matches(run.Stdout, "left untouched in Inbox").Count);
        Assert.True(File.Exists(Path.Combine(state.Path, "hangfire.db")), "Hangfire's SQLite storage is in the state directory");
    }

    [Fact]
    public async Task Demo_ExitsWith2_WhenTheSharedDataIsMissing()
    {
        using var empty = new TempDir();

        var run = await DemoRun.Of("demo", "--once", "--data", empty.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("must hold enron/ and phishing/", run.Stderr);
        Assert.Empty(run.Stdout);
    }

    [Theory]
    [InlineData("--mailboxes", "0", "--mailboxes must be between 1 and 10")]
    [InlineData("--port", "70000", "--port must be between 0 and 65535")]
    public async Task Demo_ExitsWith2_ForAnOutOfRangeOption(string option, string value, string message)
    {
        var run = await DemoRun.Of("demo", "--once", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Stderr);
    }

    [Fact]
    public async Task DemoWithoutTheVerb_IsTheDemo_WithTheSameOptions()
    {
        using var empty = new TempDir();

        var run = await DemoRun.Of("--once", "--data", empty.Path);

        // The demo's own check answered, so the options reached the `demo` verb.
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("must hold enron/ and phishing/", run.Stderr);
    }

    [Fact]
    public async Task Help_ListsTheDemoVerb()
    {
        var run = await DemoRun.Of("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("demo", run.Stdout);
        Assert.Contains("Graph emulator", run.Stdout);
    }
}
