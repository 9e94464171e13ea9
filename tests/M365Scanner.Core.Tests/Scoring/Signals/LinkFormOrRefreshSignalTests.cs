using M365Scanner.Core.Links;
using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkFormOrRefreshSignalTests
{
    private readonly LinkFormOrRefreshSignal _signal = new();

    private double? Weight(string url, string? text = null, string origin = LinkOrigin.Body, LinkSource source = LinkSource.Anchor, string from = "x@partner.example") =>
        _signal.Evaluate(new ScoringScenario().LinkFrom(from, ScoringScenario.Link(url, text, origin, source)))?.Weight;

    [Theory]
    [InlineData(LinkSource.FormAction)]
    [InlineData(LinkSource.MetaRefresh)]
    public void Evaluate_Fires_WhenFormOrRefresh(LinkSource source) => Assert.Equal(_signal.Weight, Weight("https://evil.example/post", source: source));

    [Theory]
    [InlineData(LinkSource.Anchor)]
    [InlineData(LinkSource.Text)]
    public void Evaluate_DoesNotFire_WhenOrdinaryLink(LinkSource source) => Assert.Null(Weight("https://evil.example/post", source: source));
}
