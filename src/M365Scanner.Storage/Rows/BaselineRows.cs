using System.Data.Common;
using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.Rows;

/// <summary>A <see cref="BaselineProgress"/> checkpoint as a row of <c>baseline_progress</c>, for both SQL providers;
/// the ids at the boundary are a list in the provider's own encoding (<see cref="SqlDialect.TextList"/>).</summary>
internal static class BaselineRows
{
    /// <summary>The columns a checkpoint is written to and read from, in the order of <see cref="Values"/> and
    /// <see cref="Read"/>; the first three are the key.</summary>
    public const string Columns =
        "tenant_id, mailbox, folder, since, until, boundary, ids_at_boundary, learned, pages, completed, updated_at";

    /// <summary>The upsert's update list: every column but the key.</summary>
    public static readonly string SetFromExcluded = SqlColumns.SetFromExcluded(Columns, "tenant_id", "mailbox", "folder");

    public static object?[] Values(BaselineProgress p, SqlDialect dialect) =>
    [
        p.TenantId, p.Mailbox, p.Folder, p.Since, p.Until, p.Boundary, dialect.TextList(p.IdsAtBoundary), p.Learned, p.Pages,
        p.Completed, p.UpdatedAt,
    ];

    public static BaselineProgress Read(DbDataReader reader, SqlDialect dialect) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), dialect.ReadInstant(reader, 3),
        dialect.ReadInstant(reader, 4), dialect.ReadInstantOrNull(reader, 5), dialect.ReadTextList(reader, 6),
        reader.GetInt64(7), reader.GetInt64(8), reader.GetBoolean(9), dialect.ReadInstant(reader, 10));
}
