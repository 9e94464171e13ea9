using M365Scanner.Core.Scoring;
using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkNewInTenantSignalTests
{
    private readonly LinkNewInTenantSignal _signal = new();

    [Fact]
    public void Evaluate_Fires_WhenNoOneInTheTenantSawTheDomain()
    {
        var scenario = new ScoringScenario().Received("x@partner.example", 3, 30, "https://docs.partner.example/");
        var hit = _signal.Evaluate(scenario.LinkFrom("x@partner.example", ScoringScenario.Link("https://login.evil.example/")));
        Assert.NotNull(hit);
        Assert.Contains("evil.example", hit.Explanation);
    }

    [Fact]
    public void Evaluate_DoesNotFire_WhenAnotherMailboxSawTheDomain()
    {
        var scenario = new ScoringScenario().SeenElsewhere("https://www.vendor.example/", "x@vendor.example", "carol@tenant.example");
        Assert.Null(_signal.Evaluate(scenario.LinkFrom("y@stranger.example", ScoringScenario.Link("https://portal.vendor.example/"))));
    }

    [Fact]
    public void Evaluate_DoesNotFire_WhenLinkHasNoHost() =>
        Assert.Null(_signal.Evaluate(new ScoringScenario().LinkFrom("x@evil.example", ScoringScenario.Link("javascript:alert(1)"))));

    [Fact]
    public void Evaluate_FiresAtHalfStrength_ForTop50kDomain()
    {
        var scenario = new ScoringScenario().Received("x@partner.example", 3, 30, "https://docs.partner.example/");
        var hit = _signal.Evaluate(scenario.LinkFrom("x@partner.example", ScoringScenario.Link("https://www.artofmanliness.com/a")));
        Assert.NotNull(hit);
        Assert.Equal(_signal.Weight * NoveltyEvidence.Top50kStrength, hit.Weight, 6);
    }

    [Fact]
    public void Evaluate_FiresAtFullStrength_ForIpfsPathOnPopularGateway()
    {
        var scenario = new ScoringScenario().Received("x@partner.example", 3, 30, "https://docs.partner.example/");
        var hit = _signal.Evaluate(scenario.LinkFrom("x@partner.example", ScoringScenario.Link("https://cloudflare-ipfs.com/ipfs/bafybeigdyrzt")));
        Assert.NotNull(hit);
        Assert.Equal(_signal.Weight, hit.Weight, 6);
    }
}
