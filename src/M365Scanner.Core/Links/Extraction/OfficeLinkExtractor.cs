using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Xml;

namespace M365Scanner.Core.Links.Extraction;

/// <summary>
/// Finds the hyperlinks of an Office Open XML document (.docx, .xlsx, .pptx and their macro-enabled variants):
/// every relationship part (<c>*.rels</c>) entry with <c>TargetMode="External"</c> and a hyperlink type, reported as
/// <see cref="LinkSource.Anchor"/>. For Word documents the text the hyperlink covers is read too.
/// </summary>
/// <remarks>
/// An attachment is hostile input: the zip is read within fixed bounds (parts read, bytes inflated per part and in
/// total), XML without DTDs, and any failure becomes a note, never an exception. Hyperlinks written only as field
/// codes (<c>HYPERLINK "..."</c> without a relationship) and external relationships of other types (remote
/// templates, linked images, OLE links) are not reported.
/// </remarks>
public sealed class OfficeLinkExtractor
{
    /// <summary>Relationship parts read per document; real documents have tens.</summary>
    internal const int MaxPartsRead = 1000;

    /// <summary>Bytes inflated per part: a zip bomb's part is cut off here.</summary>
    internal const int MaxPartBytes = 10 * 1024 * 1024;

    /// <summary>Bytes inflated per document, over all parts read.</summary>
    internal const long MaxTotalBytes = 50L * 1024 * 1024;

    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string OfficeRelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string WordDocumentRels = "word/_rels/document.xml.rels";
    private const string WordDocument = "word/document.xml";

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, // no entity expansion, no external fetches
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
    };

    private readonly ExtractionLimits _limits;

    public OfficeLinkExtractor() : this(ExtractionLimits.Default)
    {
    }

    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    public OfficeLinkExtractor(ExtractionLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits;
    }

    /// <summary>True when <paramref name="bytes"/> look like an OOXML package: a zip whose names include
    /// <c>[Content_Types].xml</c>. Cheap enough to call on every attachment; <see cref="Extract"/> decides the rest.</summary>
    public static bool LooksLikeOfficeDocument(ReadOnlySpan<byte> bytes) =>
        MayBeOfficeDocument(bytes) && bytes.IndexOf("[Content_Types].xml"u8) >= 0;

    /// <summary>True when <paramref name="firstBytes"/> start a ZIP archive, which an Office document is.</summary>
    public static bool MayBeOfficeDocument(ReadOnlySpan<byte> firstBytes) => firstBytes.StartsWith("PK\u0003\u0004"u8);

    /// <summary>Returns the distinct external hyperlinks of <paramref name="document"/>, part by part.</summary>
    /// <remarks>Never throws for any content: an unreadable package or part adds a note
    /// ("office document could not be read: report.docx: ...") and the links found elsewhere are still returned.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="origin"/> or <paramref name="notes"/> is null.</exception>
    public IReadOnlyList<FoundLink> Extract(ReadOnlyMemory<byte> document, string origin, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(notes);

        var links = new List<FoundLink>();
        var name = HrefRules.NoteName(origin);
        try
        {
            using var archive = new ZipArchive(AsStream(document), ZipArchiveMode.Read);
            var budget = new InflateBudget(MaxTotalBytes);
            var seen = new HashSet<FoundLink>();
            var partsRead = 0;
            foreach (var entry in archive.Entries)
            {
                if (!entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
                    continue;
                if (budget.Remaining == 0)
                {
                    notes.Add($"office document read only in part: {name}: more than {MaxTotalBytes} bytes inflated");
                    break;
                }
                if (++partsRead > MaxPartsRead)
                {
                    notes.Add($"office document read only in part: {name}: more than {MaxPartsRead} relationship parts");
                    break;
                }
                if (!TryRead(entry, budget, name, notes, out var part))
                    continue;

                var hyperlinks = ReadHyperlinks(part, entry.FullName, name, notes);
                if (hyperlinks.Count == 0)
                    continue;
                var texts = IsWordDocumentRels(entry) ? ReadWordHyperlinkTexts(archive, budget, name, notes) : null;
                foreach (var (id, target) in hyperlinks)
                {
                    var text = texts is not null && texts.TryGetValue(id, out var t) ? t : null;
                    var link = new FoundLink(HrefRules.CapDataUrl(target, origin, notes), text, LinkSource.Anchor, origin);
                    if (!seen.Add(link))
                        continue;
                    if (links.Count == _limits.MaxLinksPerMessage)
                    {
                        notes.Add($"links dropped: {name}: more than {_limits.MaxLinksPerMessage} distinct links");
                        return links;
                    }
                    links.Add(link);
                }
            }
        }
        catch (Exception ex)
        {
            // Broken zip, unsupported compression, a stream that lies about its length: all input faults.
            notes.Add($"office document could not be read: {name}: {ex.Message}");
        }
        return links;
    }

    // ZipArchive needs a Stream; wrap the caller's array without copying when there is one.
    private static MemoryStream AsStream(ReadOnlyMemory<byte> document) =>
        MemoryMarshal.TryGetArray(document, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(document.ToArray(), writable: false);

    private static bool IsWordDocumentRels(ZipArchiveEntry entry) =>
        entry.FullName.Equals(WordDocumentRels, StringComparison.OrdinalIgnoreCase);

    /// <summary>Inflates one part within the per-part bound and what is left of the total. The sizes in the zip
    /// directory are not trusted: the inflated stream itself is counted.</summary>
    private static bool TryRead(ZipArchiveEntry entry, InflateBudget budget, string name, ICollection<string> notes,
        out byte[] content)
    {
        content = [];
        var limit = Math.Min(MaxPartBytes, budget.Remaining);
        try
        {
            using var input = entry.Open();
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = input.Read(buffer, 0, (int)Math.Min(buffer.Length, limit + 1 - output.Length))) > 0)
            {
                output.Write(buffer, 0, read);
                if (output.Length > limit)
                {
                    budget.Spend(output.Length);
                    notes.Add($"office document part skipped: {name}: {entry.FullName}: inflates to more than {limit} bytes");
                    return false;
                }
            }
            budget.Spend(output.Length);
            content = output.ToArray();
            return true;
        }
        catch (Exception ex)
        {
            notes.Add($"office document could not be read: {name}: {entry.FullName}: {ex.Message}");
            return false;
        }
    }

    /// <summary>The external hyperlink relationships of one .rels part, as (relationship id, target).</summary>
    private static List<(string Id, string Target)> ReadHyperlinks(byte[] part, string partName, string name,
        ICollection<string> notes)
    {
        var found = new List<(string, string)>();
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(part), XmlSettings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship" ||
                    reader.NamespaceURI != RelationshipsNamespace)
                    continue;
                // Transitional ("…/officeDocument/2006/relationships/hyperlink") and Strict
                // ("http://purl.oclc.org/ooxml/officeDocument/relationships/hyperlink") both end so.
                var type = reader.GetAttribute("Type");
                var mode = reader.GetAttribute("TargetMode");
                if (type is null || !type.EndsWith("/hyperlink", StringComparison.Ordinal) ||
                    !string.Equals(mode, "External", StringComparison.Ordinal))
                    continue;
                var target = HrefRules.Trim(reader.GetAttribute("Target"));
                if (target is not null && !HrefRules.IsIgnored(target))
                    found.Add((reader.GetAttribute("Id") ?? "", target));
            }
        }
        catch (XmlException ex)
        {
            notes.Add($"office document could not be read: {name}: {partName}: {ex.Message}");
        }
        return found;
    }

    /// <summary>For Word: the text each <c>w:hyperlink r:id</c> covers, by relationship id (first one wins).
    /// Optional: a failure here leaves the links without text.</summary>
    private static Dictionary<string, string>? ReadWordHyperlinkTexts(ZipArchive archive, InflateBudget budget,
        string name, ICollection<string> notes)
    {
        var entry = archive.GetEntry(WordDocument);
        if (entry is null || !TryRead(entry, budget, name, notes, out var part))
            return null;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(part), XmlSettings);
            string? id = null;
            var inText = false;
            var text = new System.Text.StringBuilder();
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element when reader.NamespaceURI == WordNamespace:
                        if (reader.LocalName == "hyperlink" && !reader.IsEmptyElement)
                        {
                            id = reader.GetAttribute("id", OfficeRelationshipsNamespace);
                            text.Clear();
                        }
                        else if (reader.LocalName == "t")
                        {
                            inText = !reader.IsEmptyElement;
                        }
                        break;
                    case XmlNodeType.Text or XmlNodeType.SignificantWhitespace when inText && id is not null:
                        text.Append(reader.Value);
                        break;
                    case XmlNodeType.EndElement when reader.NamespaceURI == WordNamespace:
                        if (reader.LocalName == "t")
                            inText = false;
                        else if (reader.LocalName == "hyperlink" && id is not null)
                        {
                            // A relationship may be used by several hyperlinks; the first text is kept.
                            if (text.ToString().Trim() is { Length: > 0 } value)
                                texts.TryAdd(id, value);
                            id = null;
                        }
                        break;
                }
            }
        }
        catch (XmlException)
        {
            // The links themselves were read from the .rels part; only their text is lost.
        }
        return texts;
    }

    /// <summary>Inflated bytes left for one document.</summary>
    private sealed class InflateBudget(long total)
    {
        public long Remaining { get; private set; } = total;

        public void Spend(long bytes) => Remaining = Math.Max(0, Remaining - bytes);
    }
}
