using M365Scanner.Core.Scoring;
using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkNewForSenderSignalTests
{
    private readonly LinkNewForSenderSignal _signal = new();

    [Fact]
    public void Evaluate_FiresAtFullStrength_WhenSenderWithLinkHistoryLinksSomewhereNew()
    {
        var scenario = new ScoringScenario().Received("x@partner.example", 5, 30, "https://docs.partner.example/a");
        var hit = _signal.Evaluate(scenario.LinkFrom("x@partner.example", ScoringScenario.Link("https://evil.example/login")));
        Assert.NotNull(hit);
        Assert.Equal(_signal.Weight, hit.Weight);
        Assert.Contains("never one to evil.example", hit.Explanation);
    }

    [Fact]
    public void Evaluate_DoesNotFire_WhenSenderSentThatDomainBefore()
    {
        var scenario = new ScoringScenario().Received("x@partner.example", 5, 30, "https://docs.partner.example/a");
        Assert.Null(_signal.Evaluate(scenario.LinkFrom("x@partner.example", ScoringScenario.Link("https://www.partner.example/other"))));
    }

    [Fact]
    public void Evaluate_DoesNotFire_WhenColleagueAtSenderDomainSentThatDomain()
    {
        var scenario = new ScoringScenario().Received("y@partner.example", 1, 0, "https://portal.vendor.example/");
        scenario.Received("x@partner.example", 3, 30);
        Assert.Null(_signal.Evaluate(scenario.LinkFrom("x@partner.example", ScoringScenario.Link("https://portal.vendor.example/x"))));
    }

    [Fact]
    public void Evaluate_FiresWeakly_WhenSenderNeverSentAnyLink()
    {
        var scenario = new ScoringScenario().Received("x@partner.example", 5, 30);
        var hit = _signal.Evaluate(scenario.LinkFrom("x@partner.example", ScoringScenario.Link("https://evil.example/")));
        Assert.Equal(_signal.Weight * 0.5, hit?.Weight);
    }

    [Fact]
    public void Evaluate_DoesNotFire_WhenSenderWasNeverSeen() =>
        Assert.Null(_signal.Evaluate(new ScoringScenario().LinkFrom("x@partner.example", ScoringScenario.Link("https://evil.example/"))));

    [Fact]
    public void Evaluate_WeighsVocabularyTimesRarity_WhenDomainIsAmongTheMostVisited()
    {
        var scenario = new ScoringScenario().Received("x@partner.example", 5, 30, "https://docs.partner.example/a");
        var hit = _signal.Evaluate(scenario.LinkFrom("x@partner.example", ScoringScenario.Link("https://github.com/org/repo")));
        Assert.NotNull(hit);
        Assert.Equal(_signal.Weight * NoveltyEvidence.Top10kStrength, hit.Weight, 6);
        Assert.Contains("10,000 most visited", hit.Explanation);
    }
}
