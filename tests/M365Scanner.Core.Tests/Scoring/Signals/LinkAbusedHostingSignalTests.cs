using M365Scanner.Core.Links;
using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkAbusedHostingSignalTests
{
    private readonly LinkAbusedHostingSignal _signal = new();

    private double? Weight(string url, string? text = null, string origin = LinkOrigin.Body, LinkSource source = LinkSource.Anchor, string from = "x@partner.example") =>
        _signal.Evaluate(new ScoringScenario().LinkFrom(from, ScoringScenario.Link(url, text, origin, source)))?.Weight;

    [Theory]
    [InlineData("https://evil-login.web.app/")]
    [InlineData("https://x.pages.dev/a")]
    [InlineData("https://gateway.example.org/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi")]
    [InlineData("https://secure.z13.web.core.windows.net/index.html")]
    public void Evaluate_FiresFully_WhenFreeHosting(string url) => Assert.Equal(_signal.Weight, Weight(url));

    [Fact]
    public void Evaluate_FiresPartly_WhenCloudStorage() => Assert.Equal(_signal.Weight * 0.6, Weight("https://storage.googleapis.com/bucket/page.html"));

    [Fact]
    public void Evaluate_FiresHalf_WhenHostedForm() => Assert.Equal(_signal.Weight * 0.5, Weight("https://docs.google.com/forms/d/e/1FAIpQL/viewform"));

    [Fact]
    public void Evaluate_FiresWeakly_WhenPartnersSharePoint() => Assert.Equal(_signal.Weight * 0.2, Weight("https://partner.sharepoint.com/:b:/s/x"));

    [Fact]
    public void Evaluate_DoesNotFire_WhenTenantsOwnSharePoint() => Assert.Null(Weight("https://tenant-my.sharepoint.com/personal/bob"));

    [Theory]
    [InlineData("https://www.example.com/")]
    [InlineData("https://www.weebly.com/")]
    public void Evaluate_DoesNotFire_WhenOrdinarySite(string url) => Assert.Null(Weight(url));
}
