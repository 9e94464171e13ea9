using System.IO.Compression;
using System.Text;

namespace M365Scanner.HostileCorpus.Office;

/// <summary>
/// A minimal Word document: content types, the package relationship, <c>word/document.xml</c> (written by the caller,
/// so it may be a gigabyte) and its relationships, where the one hyperlink targets the malicious URL.
/// </summary>
public static class Docx
{
    public const string DocumentStart =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " +
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>";

    public const string DocumentEnd = "</w:body></w:document>";

    /// <summary>The paragraph that shows the trusted address over hyperlink rId1.</summary>
    public static string LureParagraph =>
        $"<w:p><w:hyperlink r:id=\"rId1\"><w:r><w:t>{Lure.DisplayText}</w:t></w:r></w:hyperlink></w:p>";

    /// <summary>The package. <paramref name="writeDocument"/> writes the whole of word/document.xml.</summary>
    public static byte[] Build(string url, Action<Stream> writeDocument)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Text(zip, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/word/document.xml\" " +
                "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Text(zip, "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" " +
                "Target=\"word/document.xml\"/></Relationships>");
            using (var document = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open())
                writeDocument(document);
            Text(zip, "word/_rels/document.xml.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" +
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" " +
                $"Target=\"{url}\" TargetMode=\"External\"/></Relationships>");
        }
        return output.ToArray();
    }

    private static void Text(ZipArchive zip, string name, string content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(Encoding.UTF8.GetBytes(content));
    }
}
