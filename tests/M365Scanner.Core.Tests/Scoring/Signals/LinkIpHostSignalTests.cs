using M365Scanner.Core.Links;
using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkIpHostSignalTests
{
    private readonly LinkIpHostSignal _signal = new();

    private double? Weight(string url, string? text = null, string origin = LinkOrigin.Body, LinkSource source = LinkSource.Anchor, string from = "x@partner.example") =>
        _signal.Evaluate(new ScoringScenario().LinkFrom(from, ScoringScenario.Link(url, text, origin, source)))?.Weight;

    [Fact]
    public void Evaluate_Fires_WhenHostIsPublicIp() => Assert.Equal(_signal.Weight, Weight("http://203.0.113.7/login"));

    [Fact]
    public void Evaluate_Fires_WhenHostIsDecimalIp() => Assert.Equal(_signal.Weight, Weight("http://3405803783/"));

    [Fact]
    public void Evaluate_FiresWeakly_WhenHostIsPrivateIp() => Assert.Equal(_signal.Weight * 0.25, Weight("http://192.168.1.10/admin"));

    [Fact]
    public void Evaluate_DoesNotFire_WhenHostIsNamed() => Assert.Null(Weight("https://www.example.com/"));

    [Fact]
    public void Evaluate_DoesNotFire_WhenLinkHasNoHost() => Assert.Null(Weight("data:text/plain,hi"));
}
