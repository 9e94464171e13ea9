using M365Scanner.Core.Links;
using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkShortenerSignalTests
{
    private readonly LinkShortenerSignal _signal = new();

    private double? Weight(string url, string? text = null, string origin = LinkOrigin.Body, LinkSource source = LinkSource.Anchor, string from = "x@partner.example") =>
        _signal.Evaluate(new ScoringScenario().LinkFrom(from, ScoringScenario.Link(url, text, origin, source)))?.Weight;

    [Fact]
    public void Evaluate_Fires_WhenLinkIsShortened() => Assert.Equal(_signal.Weight, Weight("https://bit.ly/3xYzAb"));

    [Fact]
    public void Evaluate_FiresWeakly_WhenSocialWrapper() => Assert.Equal(_signal.Weight * 0.4, Weight("https://t.co/noqm4SZyTz"));

    [Theory]
    [InlineData("https://bit.ly/")]
    [InlineData("https://www.example.com/abc")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ")]
    [InlineData("https://x8k2.mjt.lu/lnk/AUsAAB")] // Mailjet's click tracker, though Sublime lists it as a shortener
    public void Evaluate_DoesNotFire_WhenNotAShortenedLink(string url) => Assert.Null(Weight(url));

    [Fact]
    public void Evaluate_FiresAsSocialWrapper_ForShortLinkUnderPathOfSiteOwnHost()
    {
        var hit = _signal.Evaluate(new ScoringScenario().LinkFrom("x@partner.example", ScoringScenario.Link("https://www.linkedin.com/slink?code=dmJPtxUA")));
        Assert.NotNull(hit);
        Assert.Equal(_signal.Weight * 0.4, hit.Weight, 6);
        Assert.Contains("linkedin.com/slink", hit.Explanation);
    }

    [Fact]
    public void Evaluate_DoesNotFire_ForOtherPathsOfThatHost() =>
        Assert.Null(_signal.Evaluate(new ScoringScenario().LinkFrom("x@partner.example", ScoringScenario.Link("https://www.linkedin.com/in/someone"))));
}
