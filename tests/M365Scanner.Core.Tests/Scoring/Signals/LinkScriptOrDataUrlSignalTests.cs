using M365Scanner.Core.Links;
using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkScriptOrDataUrlSignalTests
{
    private readonly LinkScriptOrDataUrlSignal _signal = new();

    private double? Weight(string url, string? text = null, string origin = LinkOrigin.Body, LinkSource source = LinkSource.Anchor, string from = "x@partner.example") =>
        _signal.Evaluate(new ScoringScenario().LinkFrom(from, ScoringScenario.Link(url, text, origin, source)))?.Weight;

    [Fact]
    public void Evaluate_Fires_WhenDataUrlCarriesHtml() => Assert.Equal(_signal.Weight, Weight("data:text/html;base64,PGh0bWw+"));

    [Fact]
    public void Evaluate_FiresHalf_WhenDataUrlIsAnImage() => Assert.Equal(_signal.Weight * 0.5, Weight("data:image/png;base64,iVBOR"));

    [Fact]
    public void Evaluate_Fires_WhenJavascriptRunsCode() => Assert.Equal(_signal.Weight, Weight("javascript:location=\"https://evil.example\""));

    [Theory]
    [InlineData("javascript:void(0)")]
    [InlineData("javascript:;")]
    [InlineData("javascript:")]
    public void Evaluate_DoesNotFire_WhenJavascriptIsNoOp(string url) => Assert.Null(Weight(url));

    [Fact]
    public void Evaluate_DoesNotFire_WhenWebLink() => Assert.Null(Weight("https://www.example.com/"));
}
