using System.IO.Compression;
using System.Text;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;

namespace M365Scanner.Core.Tests.Links.Extraction;

public class OfficeLinkExtractorTests
{
    private const string Origin = "attachment:report.docx";

    private const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>""";

    private const string HyperlinkType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

    /// <summary>A zip with [Content_Types].xml and the given parts, built in memory (no binary fixtures).</summary>
    private static byte[] Package(params (string Name, string Content)[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create))
        {
            foreach (var (name, content) in parts.Prepend(("[Content_Types].xml", ContentTypes)))
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }
        }
        return buffer.ToArray();
    }

    private static string Rels(params string[] relationships) =>
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""" +
        """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""" +
        string.Concat(relationships) + "</Relationships>";

    private static string Hyperlink(string id, string target, string mode = " TargetMode=\"External\"") =>
        $"""<Relationship Id="{id}" Type="{HyperlinkType}" Target="{target}"{mode}/>""";

    private static IReadOnlyList<FoundLink> Extract(byte[] document, List<string> notes) =>
        new OfficeLinkExtractor(ExtractionLimits.Default).Extract(document, Origin, notes);

    /// <summary>Asserts the links as (url, text) in order, all Anchor with the attachment origin, and no notes.</summary>
    private static void AssertLinks(byte[] document, params (string Url, string? Text)[] expected)
    {
        var notes = new List<string>();
        var found = Extract(document, notes);
        Assert.Equal(expected, found.Select(l => (l.Url, l.Text)));
        Assert.All(found, l => Assert.Equal((LinkSource.Anchor, Origin), (l.Source, l.Origin)));
        Assert.Empty(notes);
    }

    [Fact]
    public void Extract_ReturnsExternalHyperlinkWithCoveredText_ForWordDocument() =>
        AssertLinks(Package(
                ("word/_rels/document.xml.rels", Rels(
                    Hyperlink("rId5", "https://evil.example/login?a=1&amp;b=2"),
                    """<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>""")),
                ("word/document.xml", """
                    <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
                                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                      <w:body><w:p><w:hyperlink r:id="rId5"><w:r><w:t>www.paypal</w:t></w:r><w:r><w:t>.com</w:t></w:r></w:hyperlink></w:p></w:body>
                    </w:document>
                    """)),
            ("https://evil.example/login?a=1&b=2", "www.paypal.com"));

    [Fact]
    public void Extract_ReturnsHyperlinksOfEveryRelsPart_ForSpreadsheetsAndSlides() =>
        AssertLinks(Package(
                ("xl/worksheets/_rels/sheet1.xml.rels", Rels(Hyperlink("rId1", "https://sheet.example/"))),
                ("ppt/slides/_rels/slide1.xml.rels", Rels(Hyperlink("rId2", "https://slide.example/")))),
            ("https://sheet.example/", null), ("https://slide.example/", null));

    [Fact]
    public void Extract_ReturnsStrictHyperlinks_WhenPackageUsesStrictNamespaces() =>
        AssertLinks(Package(("word/_rels/document.xml.rels", Rels(
                """<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/hyperlink" Target="https://strict.example/" TargetMode="External"/>"""))),
            ("https://strict.example/", null));

    [Fact]
    public void Extract_SkipsInternalTargetsMailtoAndOtherTypes() =>
        AssertLinks(Package(("word/_rels/document.xml.rels", Rels(
            Hyperlink("rId1", "#bookmark", mode: ""),
            Hyperlink("rId2", "mailto:a@b.example"),
            """<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="https://t.example/x.dotm" TargetMode="External"/>"""))));

    [Fact]
    public void Extract_NotesAndReturnsNothing_WhenZipIsBroken()
    {
        var notes = new List<string>();
        var bytes = Package(("word/_rels/document.xml.rels", Rels(Hyperlink("rId1", "https://a.example/"))));
        Assert.Empty(Extract(bytes[..(bytes.Length / 2)], notes));
        Assert.StartsWith("office document could not be read: report.docx: ", Assert.Single(notes));
    }

    [Fact]
    public void Extract_NotesBrokenPart_AndReadsTheOthers()
    {
        var notes = new List<string>();
        var found = Extract(Package(
            ("a/_rels/x.rels", "<Relationships><oops"),
            ("b/_rels/y.rels", Rels(Hyperlink("rId1", "https://ok.example/")))), notes);
        Assert.Equal("https://ok.example/", Assert.Single(found).Url);
        Assert.StartsWith("office document could not be read: report.docx: a/_rels/x.rels: ", Assert.Single(notes));
    }

    [Fact]
    public void Extract_RefusesDtd_WhenPartDeclaresEntities()
    {
        var notes = new List<string>();
        var laughs = """<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>""" +
                     """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">&b;</Relationships>""";
        Assert.Empty(Extract(Package(("_rels/.rels", laughs)), notes));
        Assert.Single(notes);
    }

    [Fact]
    public void Extract_SkipsPart_WhenItInflatesPastTheLimit()
    {
        // 11 MB of spaces compress to a few KB: a small zip bomb.
        var bomb = Rels(Hyperlink("rId1", "https://bomb.example/")) + new string(' ', 11 * 1024 * 1024);
        var notes = new List<string>();
        var found = Extract(Package(
            ("word/_rels/document.xml.rels", bomb),
            ("xl/_rels/workbook.xml.rels", Rels(Hyperlink("rId1", "https://ok.example/")))), notes);
        Assert.Equal("https://ok.example/", Assert.Single(found).Url);
        Assert.Contains("inflates to more than", Assert.Single(notes));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 })]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46 })]
    public void Extract_NeverThrows_ForGarbage(byte[] bytes)
    {
        var notes = new List<string>();
        Assert.Empty(Extract(bytes, notes));
        Assert.Single(notes);
    }

    [Fact]
    public void LooksLikeOfficeDocument_ReturnsTrue_ForPackageAndFalseForOtherZipsAndData()
    {
        Assert.True(OfficeLinkExtractor.LooksLikeOfficeDocument(Package()));

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            zip.CreateEntry("readme.txt");
        Assert.False(OfficeLinkExtractor.LooksLikeOfficeDocument(buffer.ToArray()));
        Assert.False(OfficeLinkExtractor.LooksLikeOfficeDocument("%PDF-1.7"u8));
        Assert.False(OfficeLinkExtractor.LooksLikeOfficeDocument([]));
    }
}
