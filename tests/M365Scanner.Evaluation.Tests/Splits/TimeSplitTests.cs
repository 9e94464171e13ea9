using M365Scanner.Evaluation.Data;
using M365Scanner.Evaluation.Splits;

namespace M365Scanner.Evaluation.Tests.Splits;

[Collection(ListArchiveCollection.Name)]
public class TimeSplitTests(ListArchiveFixture data)
{
    [Fact]
    public void ScoredIn_PutsEachDateInOneSplitAtMost()
    {
        Assert.Null(TimeSplit.ScoredIn(TimeSplit.TuneFrom.AddTicks(-1)));
        Assert.Equal(Split.Tune, TimeSplit.ScoredIn(TimeSplit.TuneFrom));
        Assert.Equal(Split.Tune, TimeSplit.ScoredIn(TimeSplit.ReportFrom.AddTicks(-1)));
        Assert.Equal(Split.Report, TimeSplit.ScoredIn(TimeSplit.ReportFrom));
    }

    [Fact]
    public void ModernMailboxes_ScoreNoMessageInBothSplits()
    {
        var tune = ModernMailboxes.For(Split.Tune, data.Archive);
        var report = ModernMailboxes.For(Split.Report, data.Archive);
        var tuneScored = tune.SelectMany(m => m.Test).Select(m => m.File).ToHashSet();
        var reportScored = report.SelectMany(m => m.Test).Select(m => m.File).ToHashSet();

        Assert.NotEmpty(tuneScored);
        Assert.NotEmpty(reportScored);
        Assert.Empty(tuneScored.Intersect(reportScored));
        Assert.All(tune.SelectMany(m => m.Test), m => Assert.Equal(Split.Tune, TimeSplit.ScoredIn(m.Date)));
        Assert.All(report.SelectMany(m => m.Test), m => Assert.Equal(Split.Report, TimeSplit.ScoredIn(m.Date)));
    }

    [Fact]
    public void ModernMailboxes_HistoryIsEverythingBeforeTheSplitsMonths_AndMailAfterThemIsLeftOut()
    {
        foreach (var split in new[] { Split.Tune, Split.Report })
        foreach (var mailbox in ModernMailboxes.For(split, data.Archive))
        {
            var start = TimeSplit.StartOf(split);
            Assert.Equal(data.Archive.Count(m => m.Date < start), mailbox.Messages.Count(m => m.Date < start));
            Assert.All(mailbox.Messages.Where(m => m.Date < start), m => Assert.True(m.IsHistory));
            Assert.All(mailbox.Messages, m => Assert.True(m.Date < start || TimeSplit.ScoredIn(m.Date) == split));
            Assert.Equal(mailbox.Messages.OrderBy(m => m.Date).Select(m => m.File), mailbox.Messages.Select(m => m.File));
        }
    }

    [Fact]
    public void ModernMailboxes_NeverScoreTheOwnersOwnPosts_AndLearnThemAsSentByTheOwner()
    {
        foreach (var mailbox in ModernMailboxes.For(Split.Tune, data.Archive))
        {
            var own = mailbox.Messages.Where(m => m.Author == mailbox.Owner).ToList();
            Assert.True(own.Count >= 5, $"{mailbox.Owner} has {own.Count} posts before the report months");
            Assert.All(own, m => Assert.True(m.IsHistory));
            Assert.All(own, m => Assert.Equal(mailbox.Owner, m.Message.From?.Normalized));
            Assert.DoesNotContain(mailbox.Test, m => m.Message.From?.Normalized == mailbox.Owner);
        }
    }

    [Fact]
    public void ModernMailboxes_AreAtLeastThree_OnTheirOwnNonFreemailDomains_WithAtLeast700ScoredPerSplit()
    {
        Assert.True(ModernMailboxes.Owners.Count >= 3);
        foreach (var split in new[] { Split.Tune, Split.Report })
        {
            var mailboxes = ModernMailboxes.For(split, data.Archive);
            Assert.All(mailboxes, m => Assert.False(Core.Correspondence.FreemailDomains.Contains(m.TenantDomain), m.TenantDomain));
            Assert.All(mailboxes, m => Assert.Equal(m.Owner[(m.Owner.IndexOf('@') + 1)..], m.TenantDomain));
            Assert.True(mailboxes.Sum(m => m.Test.Count()) >= 700, $"{split}: {mailboxes.Sum(m => m.Test.Count())} scored");
        }
    }
}
