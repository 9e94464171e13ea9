using M365Scanner.Core.Operations;
using M365Scanner.Core.Policy;
using M365Scanner.Host.Tenants;

namespace M365Scanner.Host.AnalystConsole;

/// <summary>A tenant's policy as the console shows it, read as <c>GET /api/admin/tenants/{id}/policy</c> reads it: the
/// override (nulls inherit the global Policy section), the policy in force, every saved version newest first, and
/// the allow and block entries, active ones first, then the removed ones the store keeps.</summary>
public sealed record TenantPolicyPanel(
    TenantPolicyOverride Override, PolicyOptions Effective, IReadOnlyList<TenantPolicyVersion> History,
    IReadOnlyList<PolicyEntry> Active, IReadOnlyList<PolicyEntry> Removed)
{
    public static TenantPolicyPanel Of(string tenantId, IPolicyStore store, TenantPolicies policies)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(policies);
        var history = store.History(tenantId);
        var entries = store.Entries(tenantId, includeRemoved: true);
        return new TenantPolicyPanel(history.FirstOrDefault()?.Override ?? TenantPolicyOverride.None, policies.For(tenantId).Policy, history,
            [.. entries.Where(e => e.IsActive)], [.. entries.Where(e => !e.IsActive).OrderByDescending(e => e.RemovedAt)]);
    }

    /// <summary>An override setting in words: its value, or "inherit".</summary>
    public static string Setting<T>(T? value) where T : struct => value switch
    {
        null => "inherit",
        PolicyMode mode => StableName.Of(mode),
        bool yes => yes ? "yes" : "no",
        double d => d.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
        var other => other.ToString() ?? "",
    };

    public static string Number(double value) => value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    public static string Scope(PolicyEntry entry) => entry.Mailbox ?? "whole tenant";
}
