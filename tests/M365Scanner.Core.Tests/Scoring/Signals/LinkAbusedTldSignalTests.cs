using M365Scanner.Core.Links;
using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkAbusedTldSignalTests
{
    private readonly LinkAbusedTldSignal _signal = new();

    private double? Weight(string url, string? text = null, string origin = LinkOrigin.Body, LinkSource source = LinkSource.Anchor, string from = "x@partner.example") =>
        _signal.Evaluate(new ScoringScenario().LinkFrom(from, ScoringScenario.Link(url, text, origin, source)))?.Weight;

    [Fact]
    public void Evaluate_Fires_WhenHighAbuseTld() => Assert.Equal(_signal.Weight, Weight("https://juliodedansk.icu/"));

    [Fact]
    public void Evaluate_FiresHalf_WhenElevatedTld() => Assert.Equal(_signal.Weight * 0.5, Weight("https://shop.example.online/"));

    [Theory]
    [InlineData("https://www.example.com/")]
    [InlineData("https://www.example.co.uk/")]
    [InlineData("http://203.0.113.7/")]
    [InlineData("http://intranet/")] // a single label has no top-level domain
    [InlineData("https://www.example.za/")]
    public void Evaluate_DoesNotFire_WhenOrdinaryTld(string url) => Assert.Null(Weight(url));

    [Fact]
    public void Evaluate_FiresHalf_WhenListedSuffixHasTwoLabels() => Assert.Equal(_signal.Weight * 0.5, Weight("https://shop-example.co.za/"));
}
