using System.Data.Common;
using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.Rows;

/// <summary>A <see cref="SubscriptionRecord"/> as a row of <c>subscriptions</c>, for both SQL providers.</summary>
internal static class SubscriptionRows
{
    /// <summary>The columns a subscription is written to and read from, in the order of <see cref="Values"/> and
    /// <see cref="Read"/>; the first is the key.</summary>
    public const string Columns = "subscription_id, tenant_id, mailbox, resource, client_state, expires_at";

    /// <summary>The upsert's update list: every column but the id.</summary>
    public static readonly string SetFromExcluded = SqlColumns.SetFromExcluded(Columns, "subscription_id");

    public static object?[] Values(SubscriptionRecord s) =>
        [s.SubscriptionId, s.TenantId, s.Mailbox, s.Resource, s.ClientState, s.ExpiresAt];

    public static SubscriptionRecord Read(DbDataReader reader, SqlDialect dialect) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        dialect.ReadInstant(reader, 5));
}
