using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;

namespace M365Scanner.Core.Tests.Links.Extraction;

/// <summary>Where the extractor, reading tokens rather than a DOM, must still see the structure a browser builds:
/// raw-text elements, anchors a browser ends on its own, and text runs.</summary>
public class HtmlLinkExtractorStructureTests
{
    private static void AssertLinks(string html, params (string Url, string? Text, LinkSource Source)[] expected)
    {
        var notes = new List<string>();
        var found = new HtmlLinkExtractor().Extract(html, LinkOrigin.Body, notes);
        Assert.Equal(expected, found.Select(l => (l.Url, l.Text, l.Source)));
        Assert.Empty(notes);
    }

    [Theory]
    [InlineData("""<script>var s = "<a href='https://hidden.example'>x</a>";</script>""")]
    [InlineData("""<script><!--<script>"<a href='https://hidden.example'>"</script>--></script>""")]
    [InlineData("""<style>/* <a href='https://hidden.example'>x</a> */</style>""")]
    [InlineData("""<title><a href='https://hidden.example'>x</a></title>""")]
    public void Extract_IgnoresMarkup_InsideScriptStyleAndTitle(string hidden) =>
        AssertLinks(hidden + "<a href='https://shown.example'>y</a>", ("https://shown.example", "y", LinkSource.Anchor));

    [Fact]
    public void Extract_ReadsTextareaAsText_NotAsMarkup() =>
        AssertLinks("<textarea><a href='x'>see http://typed.example</a></textarea>",
            ("http://typed.example", null, LinkSource.Text));

    [Fact]
    public void Extract_EndsAnchor_WhenNextAnchorStarts() =>
        AssertLinks("<a href='https://one.example'>one <a href='https://two.example'>two",
            ("https://one.example", "one", LinkSource.Anchor), ("https://two.example", "two", LinkSource.Anchor));

    [Fact]
    public void Extract_EndsAnchor_WithTheTableCellItWasOpenedIn() =>
        AssertLinks("<table><tr><td><a href='https://a.example'>Pay</td><td>see http://cell.example</td></tr></table>",
            ("https://a.example", "Pay", LinkSource.Anchor), ("http://cell.example", null, LinkSource.Text));

    [Fact]
    public void Extract_KeepsAnchorOpen_AcrossCellsOfATableInsideIt() =>
        AssertLinks("<a href='https://a.example'><table><tr><td>Pay</td><td><table><tr><td>now</td></tr></table></td></tr></table></a>",
            ("https://a.example", "Pay now", LinkSource.Anchor));

    [Fact]
    public void Extract_SeparatesBlocks_WhenTextFollowsBlockEnd() =>
        AssertLinks("<a href='https://a.example'><div>Review</div>document</a>",
            ("https://a.example", "Review document", LinkSource.Anchor));

    [Fact]
    public void Extract_ReadsTextAcrossComment_AsTheReaderSeesIt() =>
        AssertLinks("<p>go to http://split<!-- hidden -->.example/path now</p>",
            ("http://split.example/path", null, LinkSource.Text));

    [Fact]
    public void Extract_ReadsAnchorsInSelectAndTemplate_ThatATreeBuilderWouldDrop() =>
        AssertLinks("<select><a href='https://in-select.example'>a</a></select><template><a href='https://in-template.example'>b</a></template>",
            ("https://in-select.example", "a", LinkSource.Anchor), ("https://in-template.example", "b", LinkSource.Anchor));
}
