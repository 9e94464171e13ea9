namespace M365Scanner.Evaluation.Splits;

/// <summary>
/// The split of the list mail, by time. Every subscriber of a list receives the same messages, so splitting its
/// mailboxes between tune and report would score the same message in both; the months are split instead. A message
/// dated before <see cref="TuneFrom"/> is only ever history; tune scores the months up to <see cref="ReportFrom"/>,
/// report the months after it, each against everything before its own start.
/// </summary>
public static class TimeSplit
{
    /// <summary>2021-07 to 2021-12: history for both splits.</summary>
    public static DateTimeOffset TuneFrom { get; } = new(2022, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>2022-01 to 2022-06 are tune's scored months; 2022-07 to 2022-12 report's.</summary>
    public static DateTimeOffset ReportFrom { get; } = new(2022, 7, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The split that scores a message of this date, or null when it is only history.</summary>
    public static Split? ScoredIn(DateTimeOffset date) =>
        date < TuneFrom ? null : date < ReportFrom ? Split.Tune : Split.Report;

    /// <summary>Where <paramref name="split"/>'s scored months begin: everything earlier is its history.</summary>
    public static DateTimeOffset StartOf(Split split) => split == Split.Tune ? TuneFrom : ReportFrom;
}
