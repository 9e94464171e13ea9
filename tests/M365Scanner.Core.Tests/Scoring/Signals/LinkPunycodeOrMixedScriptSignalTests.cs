using M365Scanner.Core.Links;
using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkPunycodeOrMixedScriptSignalTests
{
    private readonly LinkPunycodeOrMixedScriptSignal _signal = new();

    private double? Weight(string url, string? text = null, string origin = LinkOrigin.Body, LinkSource source = LinkSource.Anchor, string from = "x@partner.example") =>
        _signal.Evaluate(new ScoringScenario().LinkFrom(from, ScoringScenario.Link(url, text, origin, source)))?.Weight;

    [Fact]
    public void Evaluate_Fires_WhenLabelMixesLatinAndCyrillic() => Assert.Equal(_signal.Weight, Weight("https://p\u0430ypal.com/"));

    [Fact]
    public void Evaluate_FiresWeakly_WhenSingleScriptIdn() => Assert.Equal(_signal.Weight * 0.2, Weight("https://m\u00fcnchen.de/"));

    [Theory]
    [InlineData("https://www.example.com/")]
    [InlineData("http://203.0.113.7/")]
    public void Evaluate_DoesNotFire_WhenAsciiHost(string url) => Assert.Null(Weight(url));
}
