using M365Scanner.Core.Links;
using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkExecutableDownloadSignalTests
{
    private readonly LinkExecutableDownloadSignal _signal = new();

    private double? Weight(string url, string? text = null, string origin = LinkOrigin.Body, LinkSource source = LinkSource.Anchor, string from = "x@partner.example") =>
        _signal.Evaluate(new ScoringScenario().LinkFrom(from, ScoringScenario.Link(url, text, origin, source)))?.Weight;

    [Theory]
    [InlineData("https://evil.example/update.exe")]
    [InlineData("https://evil.example/files/invoice.js")]
    public void Evaluate_FiresFully_WhenProgramOrScript(string url) => Assert.Equal(_signal.Weight, Weight(url));

    [Fact]
    public void Evaluate_FiresWeakly_WhenArchive() => Assert.Equal(_signal.Weight * 0.4, Weight("https://www.example.com/Warranty.zip"));

    [Theory]
    [InlineData("http://intranet.example/ena/livelink.exe?func=ll.login")]
    [InlineData("http://cgi.ebay.com/aw-cgi/eBayISAPI.dll?ViewItem")]
    [InlineData("http://maps.example.com/py/maps.py?addr=13148+memorial")]
    [InlineData("http://nahou-dmllg02p/livelink/livelink.exe")]
    [InlineData("https://www.example.com/report.pdf")]
    [InlineData("https://www.example.com/")]
    public void Evaluate_DoesNotFire_WhenPageOrDocument(string url) => Assert.Null(Weight(url));
}
