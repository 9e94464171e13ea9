using M365Scanner.HostileCorpus;
using M365Scanner.HostileCorpus.Outcomes;

namespace M365Scanner.Cli.Tests.Commands;

/// <summary>
/// Issue 11's targets for each document of the hostile corpus, through the real <c>scan</c> command in a child
/// process: the scan returns (exit code 0, one JSONL verdict), a note says what was not read, and the message is
/// not allowed. The controls, the same lure with nothing hidden, show that a link that is read is flagged.
/// </summary>
/// <remarks>Outcomes, not times: a run only has a deadline, far above the target, after which it counts as hung.
/// What each item is, and the judgement itself, live in tests/M365Scanner.HostileCorpus.</remarks>
[Collection(HostileScans.Name)]
public class ScanHostileCorpusTests
{
    public static TheoryData<string> HostileItems => new(Corpus.Hostile.Select(i => i.Name));

    public static TheoryData<string> Controls => new(Corpus.Controls.Select(i => i.Name));

    [Theory]
    [MemberData(nameof(HostileItems))]
    public Task Scan_ReturnsANoteAndDoesNotAllowTheMessage_WhenADocumentIsHostile(string item) => AssertTargetsMet(item);

    [Theory]
    [MemberData(nameof(Controls))]
    public Task Scan_FindsAndFlagsTheLink_WhenNothingHidesIt(string item) => AssertTargetsMet(item);

    private static async Task AssertTargetsMet(string name)
    {
        var item = Corpus.Get(name);
        using var dir = new TempDir();
        var file = item.WriteTo(dir.Path);

        var run = await CliProcess.Of("scan", "--mailbox", Lure.Recipient, file);

        var outcome = ScanOutcome.Read(item, run.ExitCode, run.Stdout);
        var misses = outcome.Misses(item);
        Assert.True(misses.Count == 0,
            $"{item.Name}, {item.Description}:\n- {string.Join("\n- ", misses)}" +
            (outcome.Notes.Count > 0 ? $"\nnotes: {string.Join(" | ", outcome.Notes)}" : "") +
            (run.ExitCode is null ? $"\n(killed after {CliProcess.Deadline.TotalSeconds:0} s)" : "") +
            (run.ExitCode is not (0 or null) ? $"\nstderr: {run.StderrHead}" : ""));
    }
}
