using M365Scanner.Core.Links;
using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkLookalikeDomainSignalTests
{
    private readonly LinkLookalikeDomainSignal _signal = new();

    private double? Weight(string url, string? text = null, string origin = LinkOrigin.Body, LinkSource source = LinkSource.Anchor, string from = "x@partner.example") =>
        _signal.Evaluate(new ScoringScenario().LinkFrom(from, ScoringScenario.Link(url, text, origin, source)))?.Weight;

    private static readonly ScoringScenario Contoso = new() { Tenant = Core.Scoring.TenantProfile.For(["contoso.com"]) };

    [Theory]
    [InlineData("https://c0ntoso.com/login")]
    [InlineData("https://c\u043entoso.com/")] // Cyrillic о
    public void Evaluate_Fires_WhenLinkImitatesTenantWithConfusables(string url) =>
        Assert.Equal(_signal.Weight, _signal.Evaluate(Contoso.LinkFrom("x@partner.example", ScoringScenario.Link(url)))?.Weight);

    [Fact]
    public void Evaluate_FiresWeakly_WhenOutsiderLinksTenantNameUnderOtherSuffix() =>
        Assert.Equal(_signal.Weight * 0.4, _signal.Evaluate(Contoso.LinkFrom("x@partner.example", ScoringScenario.Link("https://contoso.co/")))?.Weight);

    [Fact]
    public void Evaluate_DoesNotFire_WhenColleagueLinksSisterDomain() =>
        Assert.Null(_signal.Evaluate(Contoso.LinkFrom("carol@contoso.com", ScoringScenario.Link("https://contoso.net/"))));

    [Fact]
    public void Evaluate_Fires_WhenLinkIsOneTypoFromTenantDomain()
    {
        var scenario = new ScoringScenario { Tenant = Core.Scoring.TenantProfile.For(["contoso.com"]) };
        var hit = _signal.Evaluate(scenario.LinkFrom("x@partner.example", ScoringScenario.Link("https://contosso.com/login")));
        Assert.Equal(_signal.Weight, hit?.Weight);
        Assert.Contains("contoso.com", hit!.Explanation);
    }

    [Fact]
    public void Evaluate_Fires_WhenLinkUsesDigitForLetterOfSenderDomain()
    {
        var hit = _signal.Evaluate(new ScoringScenario().LinkFrom("x@fabrikam.com", ScoringScenario.Link("https://fabr1kam.com/invoice")));
        Assert.Equal(_signal.Weight, hit?.Weight);
        Assert.Contains("the sender", hit!.Explanation);
    }

    [Fact]
    public void Evaluate_DoesNotFire_WhenSendersSisterDomainUnderOtherSuffix() =>
        Assert.Null(Weight("https://www.icelandair.com/deals", from: "news@icelandair.is"));

    [Fact]
    public void Evaluate_DoesNotFire_WhenLinkIsTheSendersOwnDomain() => Assert.Null(Weight("https://www.fabrikam.com/", from: "x@fabrikam.com"));

    [Fact]
    public void Evaluate_DoesNotFire_WhenUnrelatedDomain() => Assert.Null(Weight("https://www.wikipedia.org/", from: "x@fabrikam.com"));
}
