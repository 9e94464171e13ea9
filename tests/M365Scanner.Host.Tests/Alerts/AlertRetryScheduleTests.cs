using M365Scanner.Host.Alerts;
using Microsoft.Extensions.Options;

namespace M365Scanner.Host.Tests.Alerts;

public sealed class AlertRetryScheduleTests
{
    private static readonly AlertOptions Defaults = new();

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(5, 480)]
    [InlineData(8, 3600)]
    [InlineData(29, 3600)]
    public void DelayAfter_Doubles_FromTheFirstDelay_UpToTheCap_LessAtMostAFifth(int attempts, int seconds)
    {
        var schedule = new AlertRetrySchedule(Options.Create(Defaults), new Random(7));

        var delays = Enumerable.Range(0, 50).Select(_ => schedule.DelayAfter(attempts, null).TotalSeconds).ToList();

        Assert.All(delays, d => Assert.InRange(d, seconds * 0.8, seconds));
        Assert.True(delays.Distinct().Count() > 1, "the delays are jittered");
    }

    [Fact]
    public void DelayAfter_WaitsForRetryAfter_WhenTheReceiverAsksForLonger_BoundedByADay()
    {
        var schedule = new AlertRetrySchedule(Options.Create(Defaults), new Random(7));

        Assert.Equal(TimeSpan.FromMinutes(10), schedule.DelayAfter(1, TimeSpan.FromMinutes(10)));
        Assert.Equal(TimeSpan.FromDays(1), schedule.DelayAfter(1, TimeSpan.FromDays(30)));
        Assert.InRange(schedule.DelayAfter(1, TimeSpan.FromSeconds(1)).TotalSeconds, 24, 30);
    }

    [Fact]
    public void TheDefaults_KeepTryingForAboutADay()
    {
        var schedule = new AlertRetrySchedule(Options.Create(Defaults), new Random(7));

        var total = Enumerable.Range(1, Defaults.MaxAttempts - 1).Sum(n => schedule.DelayAfter(n, null).TotalHours);

        Assert.InRange(total, 18, 28);
    }
}
