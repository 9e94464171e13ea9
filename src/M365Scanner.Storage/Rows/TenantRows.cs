using System.Data.Common;
using M365Scanner.Core.Operations;

namespace M365Scanner.Storage.Rows;

/// <summary>A <see cref="TenantRecord"/> as a row of <c>tenants</c>, for both SQL providers: the granted roles as
/// one space-separated text.</summary>
internal static class TenantRows
{
    /// <summary>The columns a tenant is written to and read from, in the order of <see cref="Values"/> and
    /// <see cref="Read"/>. (PostgreSQL keys its rows by a lower-cased <c>tenant_key</c> beside them.)</summary>
    public const string Columns = "tenant_id, state, consented_at, granted_roles, problem, changed_by";

    /// <summary>The upsert's update list: every column but the tenant id, which keeps its first spelling.</summary>
    public static readonly string SetFromExcluded = SqlColumns.SetFromExcluded(Columns, "tenant_id");

    public static object?[] Values(TenantRecord tenant) =>
        [tenant.TenantId, StableName.Of(tenant.State), tenant.ConsentedAt, string.Join(' ', tenant.GrantedRoles), tenant.Problem, tenant.ChangedBy];

    public static TenantRecord Read(DbDataReader reader, SqlDialect dialect) => new(
        reader.GetString(0), StableName.Parse<TenantState>(reader.GetString(1)), dialect.ReadInstantOrNull(reader, 2),
        reader.GetString(3).Split(' ', StringSplitOptions.RemoveEmptyEntries), reader.GetStringOrNull(4))
    {
        ChangedBy = reader.GetStringOrNull(5),
    };
}
