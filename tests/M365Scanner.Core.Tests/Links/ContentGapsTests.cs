using M365Scanner.Core.Links;

namespace M365Scanner.Core.Tests.Links;

public class ContentGapsTests
{
    [Theory]
    [InlineData("pdf could not be read: a.pdf: encrypted")]
    [InlineData("pdf read only in part: a.pdf: page 1 runs more than 500,000 drawing operators")]
    [InlineData("pdf could not be read: a.pdf: its parse worker died (exit code 134)")]
    [InlineData("office document could not be read: a.docx: bad zip")]
    [InlineData("office document read only in part: a.docx: more than 100 bytes inflated")]
    [InlineData("office document part skipped: a.docx: word/document.xml: inflates to more than 10 bytes")]
    [InlineData("html truncated for scanning: body: 9000000 chars, limit 8388608")]
    [InlineData("html could not be read: body: InvalidOperationException: x")]
    [InlineData("links dropped: body: more than 2000 distinct links")]
    [InlineData("too many links: only the first 5000 were scanned")]
    [InlineData("attachment too large to scan: big.zip: 30000000 bytes (limit 26214400)")]
    [InlineData("attachment not scanned: a.pdf: its content was not fetched")]
    [InlineData("attached message not opened: fwd.eml: nesting deeper than 5")]
    [InlineData("attached message could not be read: fwd.eml: no header")]
    [InlineData("mime nesting too deep: attachment-1.bin: parts nested below it were not parsed")]
    [InlineData("link not unwrapped: body: 800 chars wrapped in more than 5 layers (safelinks)")]
    public void IsGap_IsTrue_ForNotesOfContentNotRead(string note) => Assert.True(ContentGaps.IsGap(note));

    [Theory]
    [InlineData("pdf damaged: a.pdf: startxref points nowhere; read after repair, links may be missing")]
    [InlineData("data: URL shortened for scanning: body: 90000 chars, kept 2048")]
    [InlineData("decision: 1 link(s) reached the rewrite threshold 0.50")]
    [InlineData("no Date header: scored as of 2001-05-01")]
    public void IsGap_IsFalse_ForNotesAboutContentThatWasRead(string note) => Assert.False(ContentGaps.IsGap(note));
}
