using M365Scanner.Core.Links;
using M365Scanner.DocumentWorker.Protocol;

namespace M365Scanner.DocumentWorker.Tests.Protocol;

public class ProtocolTests
{
    [Fact]
    public void Request_RoundTrips_WithTheDocumentAndLimits()
    {
        var limits = new ExtractionLimits { MaxPdfPages = 7, PdfTimeBudget = TimeSpan.FromSeconds(3) };
        var request = new ParseRequest(DocumentKind.Pdf, "attachment:a.pdf", limits, ["", "s3cret"], new byte[] { 1, 2, 3 });
        using var stream = new MemoryStream();

        request.WriteTo(stream);
        stream.Position = 0;
        var read = ParseRequest.Read(Frames.Read(stream, 1024)!);

        Assert.Equal(DocumentKind.Pdf, read.Kind);
        Assert.Equal("attachment:a.pdf", read.AttachmentOrigin);
        Assert.Equal(limits, read.Limits);
        Assert.Equal(["", "s3cret"], read.Passwords);
        Assert.Equal([1, 2, 3], read.Document.ToArray());
        Assert.Null(Frames.Read(stream, 1024)); // clean end of stream after the frame
    }

    [Fact]
    public void Response_RoundTrips_TextALoneSurrogateIncluded()
    {
        var response = new ParseResponse(ParseStatus.Read,
            [new FoundLink("https://a.example/", "click \ud800 here", LinkSource.PdfAnnotation, "attachment:a.pdf/page 1"),
             new FoundLink("www.b.example", null, LinkSource.Text, "attachment:a.pdf/page 2")],
            ["pdf read only in part: a.pdf: page 2"]);
        using var stream = new MemoryStream();

        response.WriteTo(stream);
        stream.Position = 0;
        var read = ParseResponse.Read(Frames.Read(stream, 1024)!);

        Assert.Equal(ParseStatus.Read, read.Status);
        Assert.Equal(response.Links, read.Links);
        Assert.Equal(response.Notes, read.Notes);
    }

    [Fact]
    public void Read_Throws_WhenTheStreamEndsInsideAFrame()
    {
        using var stream = new MemoryStream([10, 0, 0, 0, 1, 2]);

        Assert.Throws<EndOfStreamException>(() => Frames.Read(stream, 1024));
    }

    [Fact]
    public void Read_Throws_WhenAFrameIsLargerThanAllowed_BeforeAllocatingIt()
    {
        using var stream = new MemoryStream([0, 0, 0, 0x40]);

        Assert.Throws<InvalidDataException>(() => Frames.Read(stream, 1024));
    }

    [Fact]
    public void Response_Throws_WhenACountRunsPastThePayload()
    {
        Assert.Throws<InvalidDataException>(() => ParseResponse.Read([0, 0xFF, 0xFF, 0x03]));
    }
}
