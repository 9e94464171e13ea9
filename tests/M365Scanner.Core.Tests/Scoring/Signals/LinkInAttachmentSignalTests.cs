using M365Scanner.Core.Links;
using M365Scanner.Core.Scoring.Signals;

namespace M365Scanner.Core.Tests.Scoring.Signals;

public class LinkInAttachmentSignalTests
{
    private readonly LinkInAttachmentSignal _signal = new();

    private double? Weight(string url, string? text = null, string origin = LinkOrigin.Body, LinkSource source = LinkSource.Anchor, string from = "x@partner.example") =>
        _signal.Evaluate(new ScoringScenario().LinkFrom(from, ScoringScenario.Link(url, text, origin, source)))?.Weight;

    [Fact]
    public void Evaluate_Fires_WhenLinkIsInAPdf()
    {
        var hit = _signal.Evaluate(new ScoringScenario().LinkFrom("x@partner.example",
            ScoringScenario.Link("https://evil.example/", origin: LinkOrigin.Page(LinkOrigin.Attachment("invoice.pdf"), 1), source: LinkSource.PdfAnnotation)));
        Assert.Equal(_signal.Weight, hit?.Weight);
        Assert.Contains("invoice.pdf", hit!.Explanation);
    }

    [Fact]
    public void Evaluate_DoesNotFire_WhenLinkIsInTheBody() => Assert.Null(Weight("https://evil.example/"));
}
