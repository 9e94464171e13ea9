using System.Data.Common;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;

namespace M365Scanner.Storage.Rows;

/// <summary>A <see cref="PoisonMessage"/> as a row of <c>scan_attempts</c> with its poison mark, for both SQL
/// providers. (The attempt count of a message still being scanned shares the row; each store counts it itself.)</summary>
internal static class PoisonRows
{
    /// <summary>The columns a poison mark is written to and read from, in the order of <see cref="Values"/> and
    /// <see cref="Read"/>; the first three are the message key.</summary>
    public const string Columns =
        "tenant_id, mailbox, message_id, graph_message_id, poison_reason, attempts, first_at, last_at, action, enforced, subject, sender";

    /// <summary>The upsert's update list: every column but the key.</summary>
    public static readonly string SetFromExcluded = SqlColumns.SetFromExcluded(Columns, "tenant_id", "mailbox", "message_id");

    public static object?[] Values(PoisonMessage poison) =>
    [
        poison.Key.TenantId, poison.Key.Mailbox, poison.Key.MessageId, poison.GraphMessageId, poison.Reason, poison.Attempts,
        poison.FirstSeen, poison.LastSeen, StableName.Of(poison.Action), poison.Enforced, poison.Subject, poison.Sender,
    ];

    public static PoisonMessage Read(DbDataReader reader, SqlDialect dialect) => new(
        new MessageKey(reader.GetString(0), reader.GetString(1), reader.GetString(2)),
        GraphMessageId: reader.GetString(3),
        Reason: reader.GetString(4),
        Attempts: reader.GetInt32(5),
        FirstSeen: dialect.ReadInstant(reader, 6),
        LastSeen: dialect.ReadInstant(reader, 7),
        Action: StableName.Parse<MessageAction>(reader.GetString(8)),
        Enforced: reader.GetBoolean(9),
        Subject: reader.GetStringOrNull(10),
        Sender: reader.GetStringOrNull(11));
}
