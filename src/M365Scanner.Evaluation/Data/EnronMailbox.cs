using M365Scanner.Evaluation.Splits;

namespace M365Scanner.Evaluation.Data;

/// <summary>One Enron inbox: its owner, its split, and its messages oldest first.</summary>
/// <param name="Unreadable">Files that could not be parsed as messages (skipped).</param>
/// <param name="Undated">Readable messages without a usable Date (skipped: they have no place in the timeline).</param>
public sealed record EnronMailbox(
    string Name,
    string Owner,
    Split Split,
    IReadOnlyList<CorpusMessage> Messages,
    int Unreadable,
    int Undated)
{
    public IEnumerable<CorpusMessage> Test => Messages.Where(m => !m.IsHistory);

    /// <summary>First and last date of the test period (the newest 30%).</summary>
    public (DateTimeOffset From, DateTimeOffset To) TestPeriod
    {
        get
        {
            var test = Test.ToList();
            return test.Count == 0 ? (Messages[^1].Date, Messages[^1].Date) : (test[0].Date, test[^1].Date);
        }
    }
}
