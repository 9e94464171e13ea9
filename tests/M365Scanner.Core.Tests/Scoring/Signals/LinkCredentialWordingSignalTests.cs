using M365Scanner.Core.Links;
using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkCredentialWordingSignalTests
{
    private readonly LinkCredentialWordingSignal _signal = new();

    private double? Weight(string url, string? text = null, string origin = LinkOrigin.Body, LinkSource source = LinkSource.Anchor, string from = "x@partner.example") =>
        _signal.Evaluate(new ScoringScenario().LinkFrom(from, ScoringScenario.Link(url, text, origin, source)))?.Weight;

    [Fact]
    public void Evaluate_FiresFully_WhenDomainNameHasTheWord() => Assert.Equal(_signal.Weight, Weight("https://secure-account-verify.example/"));

    [Fact]
    public void Evaluate_FiresPartly_WhenSubdomainAndPathHaveWords() => Assert.Equal(_signal.Weight * 0.9, Weight("https://login.example.net/account/verify"));

    [Fact]
    public void Evaluate_FiresWeakly_WhenOnlyPathHasOneWord() => Assert.Equal(_signal.Weight * 0.25, Weight("https://www.example.net/password/reset"));

    [Fact]
    public void Evaluate_Fires_WhenForeignWord() => Assert.NotNull(Weight("https://www.example.net/konto/anmelden"));

    [Theory]
    [InlineData("https://www.example.net/accessories/")]
    [InlineData("https://www.example.net/contact-us")]
    [InlineData("https://www.example.net/")]
    [InlineData("https://billingsgate.com/")] // "billing" inside another word
    [InlineData("https://mybilling.example/")]
    [InlineData("https://www.example.net/securities/updates-weekly")]
    [InlineData("https://www.pinterest.com/owasp")]
    public void Evaluate_DoesNotFire_WhenWordsOnlyResembleCredentialWords(string url) => Assert.Null(Weight(url));

    [Fact]
    public void Evaluate_DoesNotFire_WhenSendersOwnDomain() => Assert.Null(Weight("https://www.partner.example/account/login"));

    [Theory]
    [InlineData("https://securelogin.example/")] // made only of listed words
    [InlineData("https://account-verify.example/")]
    [InlineData("https://www.example.net/sign-in")]
    [InlineData("https://www.example.net/webmail/index.php")]
    public void Evaluate_Fires_WhenWordIsAWholeTokenOrTheTokenIsMadeOfListedWords(string url) => Assert.NotNull(Weight(url));
}
