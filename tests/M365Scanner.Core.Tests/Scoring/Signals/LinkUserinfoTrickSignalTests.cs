using M365Scanner.Core.Links;
using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkUserinfoTrickSignalTests
{
    private readonly LinkUserinfoTrickSignal _signal = new();

    private double? Weight(string url, string? text = null, string origin = LinkOrigin.Body, LinkSource source = LinkSource.Anchor, string from = "x@partner.example") =>
        _signal.Evaluate(new ScoringScenario().LinkFrom(from, ScoringScenario.Link(url, text, origin, source)))?.Weight;

    [Fact]
    public void Evaluate_Fires_WhenUserinfoLooksLikeADomain()
    {
        var hit = _signal.Evaluate(new ScoringScenario().LinkFrom("x@partner.example", ScoringScenario.Link("http://paypal.com@evil.example/")));
        Assert.Equal(_signal.Weight, hit?.Weight);
        Assert.Contains("paypal.com", hit!.Explanation);
        Assert.Contains("evil.example", hit.Explanation);
    }

    [Fact]
    public void Evaluate_FiresWeakly_WhenUserinfoIsPlainUserName() => Assert.Equal(_signal.Weight * 0.3, Weight("ftp://anonymous:guest@ftp.example.com/pub"));

    [Theory]
    [InlineData("https://www.example.com/users/@alice")]
    [InlineData("https://www.example.com/?mail=a@b.example")]
    [InlineData("https://www.example.com/")]
    public void Evaluate_DoesNotFire_WhenAtIsNotInTheAuthority(string url) => Assert.Null(Weight(url));
}
