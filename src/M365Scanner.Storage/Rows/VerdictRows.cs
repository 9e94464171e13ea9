using System.Data.Common;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;

namespace M365Scanner.Storage.Rows;

/// <summary>A <see cref="VerdictRecord"/> as a row of <c>verdicts</c>, for both SQL providers. The claim columns
/// (<c>claim_owner</c>, <c>claimed_at</c>) are not part of it: they record which job scanned, and a verdict leaves
/// them alone.</summary>
internal static class VerdictRows
{
    /// <summary>The columns a verdict is written to and read from, in the order of <see cref="Values"/> and
    /// <see cref="Read"/>; the first three are the message key.</summary>
    public const string Columns =
        "tenant_id, mailbox, message_id, graph_message_id, scanned_at, action, score, explanation, enforced, links_json, notes, subject, sender";

    /// <summary>The upsert's update list: every column but the key.</summary>
    public static readonly string SetFromExcluded = SqlColumns.SetFromExcluded(Columns, "tenant_id", "mailbox", "message_id");

    public static object?[] Values(VerdictRecord verdict) =>
    [
        verdict.Key.TenantId, verdict.Key.Mailbox, verdict.Key.MessageId, verdict.GraphMessageId, verdict.ScannedAt,
        StableName.Of(verdict.Action), verdict.Score, verdict.Explanation, verdict.Enforced, verdict.LinksJson, verdict.Notes,
        verdict.Subject, verdict.Sender,
    ];

    public static VerdictRecord Read(DbDataReader reader, SqlDialect dialect) => new(
        new MessageKey(reader.GetString(0), reader.GetString(1), reader.GetString(2)),
        GraphMessageId: reader.GetString(3),
        ScannedAt: dialect.ReadInstant(reader, 4),
        Action: StableName.Parse<MessageAction>(reader.GetString(5)),
        Score: reader.GetDouble(6),
        Explanation: reader.GetString(7),
        Enforced: reader.GetBoolean(8),
        LinksJson: reader.GetString(9),
        Notes: reader.GetString(10),
        Subject: reader.GetStringOrNull(11),
        Sender: reader.GetStringOrNull(12));
}
