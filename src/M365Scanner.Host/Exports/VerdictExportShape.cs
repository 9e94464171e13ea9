using M365Scanner.Core.Operations;
using M365Scanner.Core.Scanning;

namespace M365Scanner.Host.Exports;

/// <summary>A verdict as a CSV row: the fields of <c>GET /api/admin/verdicts</c>, the key flattened, and the links
/// flattened to their count and the flagged ones' URLs (space-separated: a URL holds no space).</summary>
public sealed class VerdictExportShape : IExportShape<VerdictRecord>
{
    public IReadOnlyList<string> Header { get; } =
    [
        "cursor", "changeSeq", "tenantId", "mailbox", "messageId", "graphMessageId", "scannedAt", "action", "score", "enforced",
        "sender", "subject", "explanation", "linkCount", "flaggedUrls", "notes",
    ];

    public IEnumerable<string> Fields(VerdictRecord row)
    {
        var links = LinkReport.ReadStored(row.LinksJson);
        return
        [
            CsvCell.Of(row.Key.TenantId), CsvCell.Of(row.Key.Mailbox), CsvCell.Of(row.Key.MessageId), CsvCell.Of(row.GraphMessageId),
            CsvCell.Of(row.ScannedAt), CsvCell.Of(StableName.Of(row.Action)), CsvCell.Of(row.Score), CsvCell.Of(row.Enforced),
            CsvCell.Of(row.Sender), CsvCell.Of(row.Subject), CsvCell.Of(row.Explanation), CsvCell.Of(links.Count),
            CsvCell.Of(string.Join(' ', links.Where(l => l.Action != "allow").Select(l => l.Url))), CsvCell.Of(row.Notes),
        ];
    }
}
