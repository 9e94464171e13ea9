using System.Data.Common;
using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.Rows;

/// <summary>An <see cref="AuditEntry"/> as a row of <c>audit_entries</c>, for both SQL providers.</summary>
internal static class AuditRows
{
    /// <summary>The columns an entry is read from, in the order of <see cref="Read"/>.</summary>
    public const string Columns = "id, " + Written;

    /// <summary>The columns an append writes (the database gives the id), in the order of <see cref="Values"/>.</summary>
    public const string Written =
        "at, actor, tenant_id, mailbox, message_id, action, state, original_message_id, result_message_id, reasons, related_entry_id, updated_at, hunt_id";

    public static object?[] Values(AuditEntry entry) =>
    [
        entry.At, entry.Actor, entry.Key.TenantId, entry.Key.Mailbox, entry.Key.MessageId, StableName.Of(entry.Action),
        StableName.Of(entry.State),
        entry.OriginalMessageId, entry.ResultMessageId, entry.Reasons, entry.RelatedEntryId, entry.UpdatedAt, entry.HuntId,
    ];

    public static AuditEntry Read(DbDataReader reader, SqlDialect dialect) => new(
        Id: reader.GetInt64(0),
        At: dialect.ReadInstant(reader, 1),
        Actor: reader.GetString(2),
        Key: new MessageKey(reader.GetString(3), reader.GetString(4), reader.GetString(5)),
        Action: StableName.Parse<AuditAction>(reader.GetString(6)),
        State: StableName.Parse<AuditState>(reader.GetString(7)),
        OriginalMessageId: reader.GetStringOrNull(8),
        ResultMessageId: reader.GetStringOrNull(9),
        Reasons: reader.GetString(10),
        RelatedEntryId: reader.GetInt64OrNull(11),
        UpdatedAt: dialect.ReadInstantOrNull(reader, 12),
        HuntId: reader.GetStringOrNull(13));
}
