using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkSenderOwnDomainSignalTests
{
    private readonly LinkSenderOwnDomainSignal _signal = new();

    [Fact]
    public void Evaluate_LowersScore_WhenLinkGoesToSendersRegistrableDomain()
    {
        var hit = _signal.Evaluate(new ScoringScenario().LinkFrom("travel@offers.priceline.example",
            ScoringScenario.Link("http://www.priceline.example/deal?y=abc")));
        Assert.True(hit?.Weight < 0);
        Assert.Contains("priceline.example", hit!.Explanation);
    }

    [Theory]
    [InlineData("x@partner.example", "https://evil.example/")]
    [InlineData("someone@gmail.com", "https://mail.gmail.com/x")]      // freemail: the domain says nothing
    [InlineData("x@partner.example", "http://192.0.2.1/")]
    public void Evaluate_DoesNotFire_WhenLinkIsElsewhereOrSenderDomainMeansNothing(string from, string url) =>
        Assert.Null(_signal.Evaluate(new ScoringScenario().LinkFrom(from, ScoringScenario.Link(url))));
}
