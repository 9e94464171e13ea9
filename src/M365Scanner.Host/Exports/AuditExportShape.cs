using M365Scanner.Core.Operations;

namespace M365Scanner.Host.Exports;

/// <summary>An audit entry as a CSV row: the fields of <c>GET /api/admin/audit</c>, the key flattened.</summary>
public sealed class AuditExportShape : IExportShape<AuditEntry>
{
    public IReadOnlyList<string> Header { get; } =
    [
        "cursor", "changeSeq", "id", "at", "updatedAt", "actor", "tenantId", "mailbox", "messageId", "action", "state",
        "originalMessageId", "resultMessageId", "reasons", "relatedEntryId", "huntId",
    ];

    public IEnumerable<string> Fields(AuditEntry row) =>
    [
        CsvCell.Of(row.Id), CsvCell.Of(row.At), CsvCell.Of(row.UpdatedAt), CsvCell.Of(row.Actor), CsvCell.Of(row.Key.TenantId),
        CsvCell.Of(row.Key.Mailbox), CsvCell.Of(row.Key.MessageId), CsvCell.Of(StableName.Of(row.Action)),
        CsvCell.Of(StableName.Of(row.State)), CsvCell.Of(row.OriginalMessageId), CsvCell.Of(row.ResultMessageId),
        CsvCell.Of(row.Reasons), CsvCell.Of(row.RelatedEntryId), CsvCell.Of(row.HuntId),
    ];
}
