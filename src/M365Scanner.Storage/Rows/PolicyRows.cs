using System.Data.Common;
using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;

namespace M365Scanner.Storage.Rows;

/// <summary>A <see cref="TenantPolicyVersion"/> as a row of <c>tenant_policies</c>, for both SQL providers; a null
/// setting is a NULL column (inherit the global policy).</summary>
internal static class PolicyVersionRows
{
    /// <summary>The columns a version is written to and read from, in the order of <see cref="Values"/> and <see cref="Read"/>.</summary>
    public const string Columns = "tenant_id, changed_by, changed_at, mode, rewrite_threshold, quarantine_threshold, quarantine_established, held_message_notice";

    public static object?[] Values(TenantPolicyVersion version) =>
    [
        version.TenantId, version.ChangedBy, version.ChangedAt, version.Override.Mode is { } mode ? StableName.Of(mode) : null,
        version.Override.RewriteThreshold, version.Override.QuarantineThreshold, version.Override.QuarantineEstablishedSenders,
        version.Override.HeldMessageNotice,
    ];

    public static TenantPolicyVersion Read(DbDataReader reader, SqlDialect dialect) =>
        new(reader.GetString(0),
            new TenantPolicyOverride(
                reader.GetStringOrNull(3) is { } mode ? StableName.Parse<PolicyMode>(mode) : null,
                reader.IsDBNull(4) ? null : reader.GetDouble(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.IsDBNull(6) ? null : reader.GetBoolean(6),
                reader.IsDBNull(7) ? null : reader.GetBoolean(7)),
            reader.GetString(1), dialect.ReadInstant(reader, 2));
}

/// <summary>A <see cref="PolicyEntry"/> as a row of <c>policy_entries</c>, for both SQL providers.</summary>
internal static class PolicyEntryRows
{
    /// <summary>The columns an entry is written to and read from, in the order of <see cref="Values"/> and <see cref="Read"/>; the first is the key.</summary>
    public const string Columns = "id, tenant_id, effect, kind, value, mailbox, added_by, added_at, reason, removed_by, removed_at";

    public static object?[] Values(PolicyEntry entry) =>
    [
        entry.Id, entry.TenantId, StableName.Of(entry.Effect), StableName.Of(entry.Kind), entry.Value, entry.Mailbox,
        entry.AddedBy, entry.AddedAt, entry.Reason, entry.RemovedBy, entry.RemovedAt,
    ];

    public static PolicyEntry Read(DbDataReader reader, SqlDialect dialect) =>
        new(reader.GetString(0), reader.GetString(1), StableName.Parse<PolicyEntryEffect>(reader.GetString(2)),
            StableName.Parse<PolicyEntryKind>(reader.GetString(3)), reader.GetString(4), reader.GetStringOrNull(5),
            reader.GetString(6), dialect.ReadInstant(reader, 7), reader.GetString(8))
        {
            RemovedBy = reader.GetStringOrNull(9),
            RemovedAt = dialect.ReadInstantOrNull(reader, 10),
        };
}
