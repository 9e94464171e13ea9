using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class SenderEstablishedSignalTests
{
    private readonly SenderEstablishedSignal _signal = new();

    [Fact]
    public void Evaluate_LowersScore_WhenSenderSeenOftenOverWeeks()
    {
        var hit = _signal.Evaluate(new ScoringScenario().Received("x@partner.example", count: 5, overDays: 30)
            .Deliver(ScoringScenario.Mail("x@partner.example")));
        Assert.NotNull(hit);
        Assert.True(hit.Weight < 0);
        Assert.Contains("5 times over 30 days", hit.Explanation);
    }

    [Fact]
    public void Evaluate_DoesNotFire_WhenSenderSeenOnlyInOneBurst() =>
        Assert.Null(_signal.Evaluate(new ScoringScenario().Received("x@partner.example", count: 5, overDays: 1)
            .Deliver(ScoringScenario.Mail("x@partner.example"))));

    [Fact]
    public void Evaluate_Fires_WhenMailboxWroteToSenderOnce()
    {
        var hit = _signal.Evaluate(new ScoringScenario().Sent("x@partner.example")
            .Deliver(ScoringScenario.Mail("x@partner.example")));
        Assert.Contains("written to x@partner.example once", hit?.Explanation);
    }

    [Fact]
    public void Evaluate_DoesNotFire_WhenSenderUnknown() =>
        Assert.Null(_signal.Evaluate(new ScoringScenario().Deliver(ScoringScenario.Mail("x@partner.example"))));
}
