using M365Scanner.Core.Links;
using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkNonDefaultPortSignalTests
{
    private readonly LinkNonDefaultPortSignal _signal = new();

    private double? Weight(string url, string? text = null, string origin = LinkOrigin.Body, LinkSource source = LinkSource.Anchor, string from = "x@partner.example") =>
        _signal.Evaluate(new ScoringScenario().LinkFrom(from, ScoringScenario.Link(url, text, origin, source)))?.Weight;

    [Fact]
    public void Evaluate_Fires_WhenPortIsUnusual() => Assert.Equal(_signal.Weight, Weight("http://evil.example:8731/x"));

    [Fact]
    public void Evaluate_FiresHalf_WhenPortIsCommonAlternative() => Assert.Equal(_signal.Weight * 0.5, Weight("http://intranet.example:8080/x"));

    [Theory]
    [InlineData("https://www.example.com:443/")]
    [InlineData("https://www.example.com/")]
    [InlineData("javascript:alert(1)")]
    public void Evaluate_DoesNotFire_WhenPortIsDefaultOrAbsent(string url) => Assert.Null(Weight(url));
}
