using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class SenderUnknownSignalTests
{
    private readonly SenderUnknownSignal _signal = new();

    [Fact]
    public void Evaluate_Fires_WhenMailboxNeverHeardFromSenderOrDomain()
    {
        var hit = _signal.Evaluate(new ScoringScenario().Deliver(ScoringScenario.Mail("x@stranger.example")));
        Assert.NotNull(hit);
        Assert.Contains("x@stranger.example", hit.Explanation);
        Assert.True(hit.Weight > 0);
    }

    [Fact]
    public void Evaluate_DoesNotFire_WhenSenderWasSeenBefore() =>
        Assert.Null(_signal.Evaluate(new ScoringScenario().Received("x@partner.example")
            .Deliver(ScoringScenario.Mail("x@partner.example"))));

    [Fact]
    public void Evaluate_DoesNotFire_WhenColleagueAtSameCompanyWasSeen() =>
        Assert.Null(_signal.Evaluate(new ScoringScenario().Received("x@partner.example")
            .Deliver(ScoringScenario.Mail("y@partner.example"))));

    [Fact]
    public void Evaluate_Fires_WhenOnlyAnotherUserOfSameFreemailProviderWasSeen() =>
        Assert.NotNull(_signal.Evaluate(new ScoringScenario().Received("x@gmail.com")
            .Deliver(ScoringScenario.Mail("y@gmail.com"))));

    [Fact]
    public void Evaluate_DoesNotFire_WhenSenderIsInternal() =>
        Assert.Null(_signal.Evaluate(new ScoringScenario().Deliver(ScoringScenario.Mail("carol@tenant.example"))));

    [Fact]
    public void Evaluate_DoesNotFire_WhenMailboxWroteToSender() =>
        Assert.Null(_signal.Evaluate(new ScoringScenario().Sent("x@partner.example")
            .Deliver(ScoringScenario.Mail("x@partner.example"))));
}
