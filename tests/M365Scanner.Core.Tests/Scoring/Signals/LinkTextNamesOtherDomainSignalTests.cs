using M365Scanner.Core.Links;
using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkTextNamesOtherDomainSignalTests
{
    private readonly LinkTextNamesOtherDomainSignal _signal = new();

    private double? Weight(string url, string? text = null, string origin = LinkOrigin.Body, LinkSource source = LinkSource.Anchor, string from = "x@partner.example") =>
        _signal.Evaluate(new ScoringScenario().LinkFrom(from, ScoringScenario.Link(url, text, origin, source)))?.Weight;

    [Fact]
    public void Evaluate_Fires_WhenTextShowsAnotherDomain()
    {
        var hit = _signal.Evaluate(new ScoringScenario().LinkFrom("x@partner.example", ScoringScenario.Link("https://evil.example/login", "www.paypal.com")));
        Assert.Equal(_signal.Weight, hit?.Weight);
        Assert.Contains("paypal.com", hit!.Explanation);
    }

    [Fact]
    public void Evaluate_Fires_WhenTextIsAUrlAmongWords() => Assert.Equal(_signal.Weight, Weight("https://evil.example/", "Sign in at https://login.microsoftonline.com/ now"));

    [Fact]
    public void Evaluate_FiresWeakly_WhenClickTrackerCarriesTheLink() => Assert.Equal(_signal.Weight * 0.15, Weight("https://x.list-manage.com/track/click?u=1", "www.shop.example"));

    [Fact]
    public void Evaluate_DoesNotFire_WhenGatewayWrappedLinkShowsItsTarget() =>
        Assert.Null(Weight("https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.example.com%2F&data=x", "https://www.example.com/"));

    [Theory]
    [InlineData("https://www.example.com/a", "www.example.com")]
    [InlineData("https://click.example.com/a", "example.com")]
    [InlineData("https://evil.example/", "Click here")]
    [InlineData("https://evil.example/", "report.pdf")]
    [InlineData("https://evil.example/", "bob@partner.example")]
    public void Evaluate_DoesNotFire_WhenTextNamesNoOtherDomain(string url, string text) => Assert.Null(Weight(url, text));
}
