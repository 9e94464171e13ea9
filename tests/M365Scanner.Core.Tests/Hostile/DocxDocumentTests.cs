using System.IO.Compression;
using M365Scanner.HostileCorpus;

namespace M365Scanner.Core.Tests.Hostile;

/// <summary>The corpus's Word documents are the bombs they claim to be, and the control is a package a reader opens.</summary>
public class DocxDocumentTests
{
    [Fact]
    public void ZipBomb_DocumentXmlInflatesPastOneGibibyte_FromAboutOneMegabyte()
    {
        var docx = CorpusDocuments.AttachmentOf(Corpus.Get("docx-zip-bomb"));

        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var document = zip.GetEntry("word/document.xml")!.Open();
        Assert.True(PdfDocumentTests.CountBytes(document) > 1L << 30);
        Assert.InRange(docx.Length, 1, 2 << 20);
    }

    [Fact]
    public void DeepXml_Nests100000Elements_AroundTheParagraphThatShowsTheLink()
    {
        var docx = CorpusDocuments.AttachmentOf(Corpus.Get("docx-deep-xml"));

        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var reader = System.Xml.XmlReader.Create(zip.GetEntry("word/document.xml")!.Open());
        var deepest = 0;
        var hyperlinkDepth = -1;
        while (reader.Read())
        {
            deepest = Math.Max(deepest, reader.Depth);
            if (reader.NodeType == System.Xml.XmlNodeType.Element && reader.LocalName == "hyperlink")
                hyperlinkDepth = reader.Depth;
        }
        Assert.True(hyperlinkDepth > 100_000, $"hyperlink at depth {hyperlinkDepth}");
        Assert.True(deepest > 100_000);
    }

    [Fact]
    public void ControlDocx_HasTheLinkAsAnExternalHyperlinkRelationship()
    {
        var item = Corpus.Get("control-docx-link");

        using var zip = new ZipArchive(new MemoryStream(CorpusDocuments.AttachmentOf(item)), ZipArchiveMode.Read);
        using var rels = new StreamReader(zip.GetEntry("word/_rels/document.xml.rels")!.Open());
        Assert.Contains($"Target=\"{item.MaliciousUrl}\" TargetMode=\"External\"", rels.ReadToEnd());
        Assert.NotNull(zip.GetEntry("[Content_Types].xml"));
    }
}
