using M365Scanner.Core.Scoring;
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

    [Fact]
    public void Evaluate_FiresAtFullStrength_ForASenderWhoAlwaysLinksTheSameDomain()
    {
        var hit = _signal.Evaluate(EstablishedPartner().LinkFrom("anna@partner.example", ScoringScenario.Link("https://evil.example/x")));
        Assert.Equal(_signal.Weight, hit?.Weight);
    }

    [Fact]
    public void Evaluate_FiresWeakly_ForAnEstablishedSenderWhoLinksSomewhereNewInEveryMessage()
    {
        var scenario = new ScoringScenario();
        for (var i = 0; i < 12; i++)
            scenario.Received("digest@news.example", 1, 0, $"https://site{i}.example/");
        scenario.Sent("digest@news.example");

        var hit = _signal.Evaluate(scenario.LinkFrom("digest@news.example", ScoringScenario.Link("https://evil.example/x")));

        Assert.NotNull(hit);
        Assert.True(hit.Weight < _signal.Weight * 0.3, $"weight {hit.Weight}");
        Assert.Contains("11 of its 11 later message(s) with links linked somewhere new", hit.Explanation);
    }

    [Fact]
    public void Evaluate_FiresAtReducedStrength_WhenDomainIsAmongTheMostVisited()
    {
        var hit = _signal.Evaluate(EstablishedPartner().LinkFrom("anna@partner.example", ScoringScenario.Link("https://github.com/org/repo")));
        Assert.NotNull(hit);
        Assert.Equal(_signal.Weight * NoveltyEvidence.Top10kStrength, hit.Weight, 6);
        Assert.Contains("10,000 most visited", hit.Explanation);
    }

    [Fact]
    public void Evaluate_FiresAtFullStrength_ForPageOnFreeHostingUnderPopularParent()
    {
        var hit = _signal.Evaluate(EstablishedPartner().LinkFrom("anna@partner.example", ScoringScenario.Link("https://sites.google.com/view/invoice")));
        Assert.NotNull(hit);
        Assert.Equal(_signal.Weight, hit.Weight, 6);
    }

    [Fact]
    public void Evaluate_DoesNotFire_OnClickTracker() =>
        Assert.Null(_signal.Evaluate(EstablishedPartner().LinkFrom("anna@partner.example",
            ScoringScenario.Link("https://u596767.ct.sendgrid.net/ls/click?upn=abc"))));

    [Fact]
    public void Evaluate_MultipliesPopularityAndTheSendersOwnNovelty_AndStatesEachReasonOnce()
    {
        var scenario = new ScoringScenario();
        for (var i = 0; i < 12; i++)
            scenario.Received("digest@news.example", 1, 0, $"https://site{i}.example/");
        scenario.Sent("digest@news.example");
        var unranked = _signal.Evaluate(scenario.LinkFrom("digest@news.example", ScoringScenario.Link("https://evil.example/x")));

        var popular = _signal.Evaluate(scenario.LinkFrom("digest@news.example", ScoringScenario.Link("https://github.com/org/repo")));

        Assert.NotNull(unranked);
        Assert.NotNull(popular);
        Assert.Equal(unranked.Weight * NoveltyEvidence.Top10kStrength, popular.Weight, 6);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(popular.Explanation, "10,000 most visited"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(popular.Explanation, "linked somewhere new"));
    }
}
