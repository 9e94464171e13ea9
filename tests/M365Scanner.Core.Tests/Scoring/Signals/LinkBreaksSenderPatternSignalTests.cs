using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkBreaksSenderPatternSignalTests
{
    private readonly LinkBreaksSenderPatternSignal _signal = new();

    private static ScoringScenario EstablishedPartner() =>
        new ScoringScenario().Received("anna@partner.example", 6, 40, "https://docs.partner.example/a");

    [Fact]
    public void Evaluate_Fires_WhenEstablishedSenderLinksDomainNoOneInTenantHasSeen()
    {
        var hit = _signal.Evaluate(EstablishedPartner().LinkFrom("anna@partner.example", ScoringScenario.Link("https://evil.example/x")));
        Assert.NotNull(hit);
        Assert.Contains("anna@partner.example", hit.Explanation);
        Assert.Contains("evil.example", hit.Explanation);
    }

    [Fact]
    public void Evaluate_DoesNotFire_WhenAnotherMailboxOfTheTenantHasSeenTheDomain()
    {
        var scenario = EstablishedPartner().SeenElsewhere("https://news.example/story", "editor@news.example", "carol@tenant.example");
        Assert.Null(_signal.Evaluate(scenario.LinkFrom("anna@partner.example", ScoringScenario.Link("https://news.example/other"))));
    }

    [Fact]
    public void Evaluate_DoesNotFire_WhenSenderIsNotEstablished() =>
        Assert.Null(_signal.Evaluate(new ScoringScenario().Received("anna@partner.example")
            .LinkFrom("anna@partner.example", ScoringScenario.Link("https://evil.example/x"))));

    [Fact]
    public void Evaluate_DoesNotFire_WhenSenderSentTheDomainBefore() =>
        Assert.Null(_signal.Evaluate(EstablishedPartner().LinkFrom("anna@partner.example", ScoringScenario.Link("https://www.partner.example/b"))));
}
