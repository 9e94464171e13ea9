using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkOpaquePathSignalTests
{
    private readonly LinkOpaquePathSignal _signal = new();

    private SignalHitOrNull Evaluate(string url) => new(_signal.Evaluate(new ScoringScenario().LinkFrom("x@partner.example", ScoringScenario.Link(url))));

    public sealed record SignalHitOrNull(M365Scanner.Core.Scoring.SignalHit? Hit);

    [Theory]
    [InlineData("http://mindpulse.example/6wxIcW5945TmGG140lapobpylxt3380MDEJXVG")]
    [InlineData("https://statement.example/secure/dispatch?id=a51e9f0c7b2d48e1a9c3")]
    [InlineData("https://x.example/ls/click?upn=u001.gTV-2Fex6Z7i8QUrSbUH1DKQ5NLrLYK")]
    public void Evaluate_Fires_WhenPathCarriesGeneratedToken(string url)
    {
        var hit = Evaluate(url).Hit;
        Assert.NotNull(hit);
        Assert.Contains("token", hit.Explanation);
    }

    [Theory]
    [InlineData("https://www.partner.example/products/industrial-valves/overview")]
    [InlineData("http://www.carrfut.com/research/Energy1/report")]
    [InlineData("https://news.example/2024/01/15/markets-rally-on-rate-cut-hopes")]
    [InlineData("https://www.example.com/")]
    [InlineData("https://cdn.example/ABCDEFGHIJKLMNOPQRST")]            // one class only: not a generated token
    public void Evaluate_DoesNotFire_WhenPathIsReadable(string url) => Assert.Null(Evaluate(url).Hit);

    [Fact]
    public void Evaluate_IgnoresHost_WhenOnlyTheHostLooksGenerated() =>
        Assert.Null(Evaluate("https://a1b2c3d4e5f6g7h8i9j0k.example/").Hit);

    [Fact]
    public void Evaluate_FiresAtFullStrength_WhenTokenIsLong()
    {
        var longHit = Evaluate("https://x.example/4JEcfT25549iCYf310zjlcedhsms3764COGNW").Hit;
        var shortHit = Evaluate("https://x.example/4JEcfT25549iCYf31z").Hit;
        Assert.Equal(_signal.Weight, longHit?.Weight);
        Assert.True(shortHit?.Weight < longHit?.Weight);
    }
}
