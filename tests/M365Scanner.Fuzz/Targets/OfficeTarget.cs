using System.IO.Compression;
using System.Text;
using M365Scanner.Core.Links;
using M365Scanner.Core.Links.Extraction;

namespace M365Scanner.Fuzz.Targets;

/// <summary>An Office Open XML package through <see cref="OfficeLinkExtractor"/>.</summary>
/// <remarks>
/// <para>Two kinds of input. Bytes starting "PK" are the package itself: the zip reader (central directory, local
/// headers, inflate) is what gets fuzzed. Anything else is the text of the parts, separated by NUL bytes
/// (word/_rels/document.xml.rels, word/document.xml, then further .rels parts), zipped here without compression:
/// mutations of a zipped part rarely survive its inflate and CRC check, so this is how the XML reading is reached.
/// The zip reader and XmlReader are framework code, which SharpFuzz cannot instrument; coverage is our own
/// code's.</para>
/// <para>Extract is documented never to throw for any content, so any exception out of it is a crash.</para>
/// </remarks>
internal sealed class OfficeTarget : FuzzTarget
{
    private static readonly OfficeLinkExtractor Extractor = new(ExtractionLimits.Default);

    private const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>""";

    private const string RelsHeader =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""";

    private const string Hyperlink = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

    private const string WordDocument =
        """<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body><w:p><w:hyperlink r:id="rId1"><w:r><w:t>Open </w:t></w:r><w:r><w:t xml:space="preserve">invoice</w:t></w:r></w:hyperlink><w:hyperlink r:id="rId2"/></w:p></w:body></w:document>""";

    public override string Name => "office";

    public override string Description => "OOXML zip, or NUL-separated part texts zipped here -> OfficeLinkExtractor.Extract";

    public override void Run(byte[] input)
    {
        var document = input.AsSpan().StartsWith("PK"u8) ? input : Package(Parts(input), CompressionLevel.NoCompression);
        Extractor.Extract(document, "attachment:fuzz.docx", new List<string>());
    }

    private static IEnumerable<(string Name, byte[] Content)> Parts(byte[] input)
    {
        var index = 0;
        foreach (var part in Split(input))
        {
            var name = index switch
            {
                0 => "word/_rels/document.xml.rels",
                1 => "word/document.xml",
                2 => "xl/worksheets/_rels/sheet1.xml.rels",
                _ => $"ppt/slides/_rels/slide{index - 2}.xml.rels",
            };
            index++;
            yield return (name, part);
        }
    }

    private static IEnumerable<byte[]> Split(byte[] input)
    {
        var start = 0;
        for (var i = 0; i <= input.Length; i++)
        {
            if (i < input.Length && input[i] != 0)
                continue;
            yield return input[start..i];
            start = i + 1;
        }
    }

    private static byte[] Package(IEnumerable<(string Name, byte[] Content)> parts, CompressionLevel level)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts.Prepend(("[Content_Types].xml", Encoding.UTF8.GetBytes(ContentTypes))))
            {
                using var entry = zip.CreateEntry(name, level).Open();
                entry.Write(content);
            }
        }
        return buffer.ToArray();
    }

    private static string Rels(params string[] relationships) => RelsHeader + string.Concat(relationships) + "</Relationships>";

    private static string Relationship(string id, string target, string type = Hyperlink, string mode = " TargetMode=\"External\"") =>
        $"""<Relationship Id="{id}" Type="{type}" Target="{target}"{mode}/>""";

    public override IEnumerable<(string Name, byte[] Bytes)> Seeds()
    {
        var wordRels = Rels(
            Relationship("rId1", "https://evil.example/login?a=1&amp;b=2"),
            Relationship("rId2", "http://plain.example/"),
            Relationship("rId3", "styles.xml", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", ""),
            Relationship("rId4", "http://template.example/t.dotm", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"));
        var sheetRels = Rels(Relationship("rId1", "mailto:a@b"), Relationship("rId2", "www.sheet.example/x"),
            """<Relationship Id="rId3" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/hyperlink" Target="http://strict.example/" TargetMode="External"/>""");
        var parts = new (string, byte[])[]
        {
            ("word/_rels/document.xml.rels", Encoding.UTF8.GetBytes(wordRels)),
            ("word/document.xml", Encoding.UTF8.GetBytes(WordDocument)),
            ("xl/worksheets/_rels/sheet1.xml.rels", Encoding.UTF8.GetBytes(sheetRels)),
        };
        yield return ("docx-deflated.zip", Package(parts, CompressionLevel.Optimal));
        yield return ("docx-stored.zip", Package(parts, CompressionLevel.NoCompression));
        yield return ("parts.txt", Encoding.UTF8.GetBytes($"{wordRels}\0{WordDocument}\0{sheetRels}"));
        yield return ("parts-odd.txt", Encoding.UTF8.GetBytes(
            RelsHeader + "<Relationship Id=\"r\" Type=\"x/hyperlink\" Target=\" data:text/html,&lt;a&gt; \" TargetMode=\"External\"/>" +
            "<!-- c --><?pi x?><Relationship/><x:Relationship xmlns:x=\"urn:other\"/>" +
            "\0<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:hyperlink><w:t/></w:hyperlink>"));
    }

    public override IEnumerable<string> DictionaryTokens() =>
    [
        "PK\u0003\u0004", "PK\u0001\u0002", "PK\u0005\u0006", "PK\u0006\u0006", "PK\u0006\u0007", "[Content_Types].xml", ".rels",
        "word/_rels/document.xml.rels", "word/document.xml", "\0", "<?xml version=\"1.0\"?>", "<Relationships", "</Relationships>",
        "<Relationship ", "/>", "Id=\"", "Type=\"", "Target=\"", "TargetMode=\"External\"", "/hyperlink\"",
        "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"", "<w:hyperlink r:id=\"", "</w:hyperlink>",
        "<w:t>", "</w:t>", "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"",
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"", "<!DOCTYPE", "<!ENTITY", "&amp;",
        "&#x", "<![CDATA[", "]]>", "http://", "www.",
    ];
}
