using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkHiddenDestinationSignalTests
{
    private readonly LinkHiddenDestinationSignal _signal = new();

    private string? Reason(string url) =>
        _signal.Evaluate(new ScoringScenario().LinkFrom("x@partner.example", ScoringScenario.Link(url)))?.Explanation;

    [Fact]
    public void Evaluate_SaysTheTargetIsHiddenBehindMimecast()
    {
        var reason = Reason("https://protect-eu.mimecast.com/s/AbCdEfGhIjKl?domain=evil.example.com");
        Assert.NotNull(reason);
        Assert.Contains("hidden behind Mimecast", reason);
        Assert.Contains("cannot be decoded offline", reason);
    }

    [Fact]
    public void Evaluate_NamesTheGateway_WhenItsWrapperCarriesNoDestination() =>
        Assert.Contains("sophos", Reason("https://us-west-2.protection.sophos.com/?d=evil.example.com"));

    [Theory]
    [InlineData("https://evil.example.com/login")]
    [InlineData("https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fevil.example.com%2F")]
    public void Evaluate_DoesNotFire_WhenTheDestinationIsKnown(string url) => Assert.Null(Reason(url));
}
