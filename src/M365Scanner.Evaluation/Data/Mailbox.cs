using M365Scanner.Evaluation.Splits;

namespace M365Scanner.Evaluation.Data;

/// <summary>One mailbox as the evaluation replays it: its owner, the source and tenant it belongs to, the split its
/// scored messages count towards, and its messages oldest first (history learned, the rest scored).</summary>
/// <param name="Name">Unique within the run and stable across runs: it seeds the mailbox's random draws
/// ("arnold-j", "usrp/rkossler@nd.edu/report").</param>
/// <param name="Unreadable">Files that could not be parsed as messages (skipped).</param>
/// <param name="Undated">Readable messages without a usable Date (skipped: they have no place in the timeline).</param>
public sealed record Mailbox(
    string Name,
    string Owner,
    Split Split,
    IReadOnlyList<CorpusMessage> Messages,
    int Unreadable,
    int Undated)
{
    /// <summary>The source the mailbox's mail comes from (<see cref="Sources.Enron"/> or <see cref="Sources.Modern"/>).</summary>
    public string Source { get; init; } = Sources.Enron;

    /// <summary>The organisation's own domain: the tenant whose graph the mailbox shares.</summary>
    public string TenantDomain { get; init; } = EnronCorpus.TenantDomain;

    public IEnumerable<CorpusMessage> Test => Messages.Where(m => !m.IsHistory);

    /// <summary>First and last date of the test period (the scored messages).</summary>
    public (DateTimeOffset From, DateTimeOffset To) TestPeriod
    {
        get
        {
            var test = Test.ToList();
            return test.Count == 0 ? (Messages[^1].Date, Messages[^1].Date) : (test[0].Date, test[^1].Date);
        }
    }
}
