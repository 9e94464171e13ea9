using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkKnownForSenderSignalTests
{
    private readonly LinkKnownForSenderSignal _signal = new();

    [Fact]
    public void Evaluate_Fires_WhenSenderLinkedToSameHostRegularly()
    {
        var scenario = new ScoringScenario().Received("x@partner.example", 5, 30, "https://docs.partner-files.example/a");
        var hit = _signal.Evaluate(scenario.LinkFrom("x@partner.example", ScoringScenario.Link("https://docs.partner-files.example/b")));
        Assert.NotNull(hit);
        Assert.Equal(_signal.Weight * 0.75, hit.Weight, 6);
        Assert.Contains("x@partner.example linked to partner-files.example 5 time(s) over 30 days before (this very host", hit.Explanation);
    }

    [Fact]
    public void Evaluate_FiresStrongest_WhenSenderLinkedToHostOftenOverMonths() =>
        Assert.Equal(_signal.Weight,
            _signal.Evaluate(new ScoringScenario().Received("x@partner.example", 12, 90, "https://files.example/a")
                .LinkFrom("x@partner.example", ScoringScenario.Link("https://files.example/b")))!.Weight, 6);

    [Fact]
    public void Evaluate_FiresLessForAnotherHostOfTheDomain() =>
        Assert.Equal(_signal.Weight * 0.6,
            _signal.Evaluate(new ScoringScenario().Received("x@partner.example", 5, 30, "https://docs.files.example/a")
                .LinkFrom("x@partner.example", ScoringScenario.Link("https://www.files.example/")))!.Weight, 6);

    [Fact]
    public void Evaluate_FiresWeakly_WhenSeenOnlyOnce() =>
        Assert.Equal(_signal.Weight * 0.35,
            _signal.Evaluate(new ScoringScenario().Received("x@partner.example", 1, 0, "https://docs.files.example/a")
                .LinkFrom("x@partner.example", ScoringScenario.Link("https://www.files.example/")))!.Weight, 6);

    [Fact]
    public void Evaluate_Fires_WhenColleagueAtSenderDomainSentIt()
    {
        var scenario = new ScoringScenario().Received("y@partner.example", 4, 20, "https://portal.vendor.example/");
        var hit = _signal.Evaluate(scenario.LinkFrom("x@partner.example", ScoringScenario.Link("https://other.vendor.example/")));
        Assert.Contains("people at partner.example linked to vendor.example 4 time(s)", hit?.Explanation);
    }

    [Fact]
    public void Evaluate_DoesNotFire_WhenSenderNeverSentTheDomain()
    {
        var scenario = new ScoringScenario().Received("x@partner.example", 5, 30, "https://docs.partner.example/a");
        Assert.Null(_signal.Evaluate(scenario.LinkFrom("x@partner.example", ScoringScenario.Link("https://evil.example/"))));
    }

    [Fact]
    public void Evaluate_DoesNotFire_WhenAnotherGmailUserSentTheDomain()
    {
        var scenario = new ScoringScenario().Received("someone@gmail.com", 5, 30, "https://evil.example/a");
        Assert.Null(_signal.Evaluate(scenario.LinkFrom("other@gmail.com", ScoringScenario.Link("https://evil.example/b"))));
    }
}
