using M365Scanner.Core.Links;
using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkRandomHostSignalTests
{
    private readonly LinkRandomHostSignal _signal = new();

    private double? Weight(string url, string? text = null, string origin = LinkOrigin.Body, LinkSource source = LinkSource.Anchor, string from = "x@partner.example") =>
        _signal.Evaluate(new ScoringScenario().LinkFrom(from, ScoringScenario.Link(url, text, origin, source)))?.Weight;

    [Theory]
    [InlineData("https://xk7q2vb9zt.com/")]
    [InlineData("https://bq11v59f3k.top/")]
    public void Evaluate_FiresFully_WhenRegistrableNameLooksGenerated(string url) => Assert.Equal(_signal.Weight, Weight(url));

    [Fact]
    public void Evaluate_FiresFully_WhenSubdomainsSpellAnotherDomain() => Assert.Equal(_signal.Weight, Weight("https://login.microsoft.com.verify.example/"));

    [Fact]
    public void Evaluate_FiresHalf_WhenDeeplyNested() => Assert.Equal(_signal.Weight * 0.5, Weight("https://a.b.c.d.example.org/"));

    [Fact]
    public void Evaluate_FiresWeakly_WhenPlatformGeneratedName() => Assert.Equal(_signal.Weight * 0.3, Weight("https://d15k2d11r6t6rl.cloudfront.net/x"));

    [Theory]
    [InlineData("http://football299.fantasy.sportsline.com/")]
    [InlineData("https://www.travelocity.com/")]
    [InlineData("http://a676.g.akamaitech.net/x")]
    [InlineData("https://www.strengths.example/")]
    [InlineData("http://srvxk7q2vb9zt/")] // a single-label intranet name, chosen by administrators
    public void Evaluate_DoesNotFire_WhenHostReadsLikeWordsOrNumberedServers(string url) => Assert.Null(Weight(url));
}
