using M365Scanner.Core.Scoring;
using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkNewForMailboxSignalTests
{
    private readonly LinkNewForMailboxSignal _signal = new();

    [Fact]
    public void Evaluate_Fires_WhenOnlyOtherMailboxesSawTheDomain()
    {
        var scenario = new ScoringScenario().SeenElsewhere("https://portal.vendor.example/", "x@vendor.example", "carol@tenant.example");
        var hit = _signal.Evaluate(scenario.LinkFrom("x@vendor.example", ScoringScenario.Link("https://portal.vendor.example/x")));
        Assert.NotNull(hit);
        Assert.Contains("bob@tenant.example has never received or sent a link to vendor.example", hit.Explanation);
    }

    [Fact]
    public void Evaluate_DoesNotFire_WhenMailboxReceivedTheDomainBefore()
    {
        var scenario = new ScoringScenario().Received("x@vendor.example", 1, 0, "https://www.vendor.example/");
        Assert.Null(_signal.Evaluate(scenario.LinkFrom("y@other.example", ScoringScenario.Link("https://portal.vendor.example/x"))));
    }

    [Theory]
    [InlineData("data:text/html;base64,PGgxPmhpPC9oMT4=")]
    [InlineData("javascript:alert(1)")]
    public void Evaluate_DoesNotFire_WhenLinkHasNoHost(string url) =>
        Assert.Null(_signal.Evaluate(new ScoringScenario().LinkFrom("x@evil.example", ScoringScenario.Link(url))));

    [Fact]
    public void Evaluate_FiresAtReducedStrength_ForClickTracker()
    {
        var scenario = new ScoringScenario().Received("x@vendor.example", 3, 30);
        var hit = _signal.Evaluate(scenario.LinkFrom("x@vendor.example", ScoringScenario.Link("https://u596767.ct.sendgrid.net/ls/click?upn=abc")));
        Assert.NotNull(hit);
        Assert.Equal(_signal.Weight * NoveltyEvidence.ClickTrackerStrength, hit.Weight, 6);
        Assert.Contains("click tracker", hit.Explanation);
    }
}
