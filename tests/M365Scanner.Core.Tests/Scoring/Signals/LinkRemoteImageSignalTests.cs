using M365Scanner.Core.Links;
using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkRemoteImageSignalTests
{
    private readonly LinkRemoteImageSignal _signal = new();

    [Fact]
    public void Evaluate_LowersScore_WhenLinkIsImageSource()
    {
        var hit = _signal.Evaluate(new ScoringScenario().LinkFrom("x@news.example",
            ScoringScenario.Link("https://cdn.news.example/banner.png", source: LinkSource.Image)));
        Assert.True(hit?.Weight < 0);
        Assert.Contains("cdn.news.example", hit!.Explanation);
    }

    [Fact]
    public void Evaluate_DoesNotFire_WhenLinkIsAnAnchor() =>
        Assert.Null(_signal.Evaluate(new ScoringScenario().LinkFrom("x@news.example",
            ScoringScenario.Link("https://cdn.news.example/banner.png"))));
}
